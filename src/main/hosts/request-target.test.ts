import { describe, expect, it } from 'vitest';
import { localLocation, parseTarget } from './request-target.js';

describe('request targets', () => {
  it('parse every target without throwing; only paths on our origin', () => {
    for (const t of ['//[x', '/[x', '//[', '/%', '/%zz', '//evil.example/', '/.//evil.example/', '/\\evil', '/a?b=%', '/' + 'a'.repeat(100_000)]) {
      expect(() => parseTarget(t)).not.toThrow();
    }
    expect(parseTarget('//[x')?.pathname).toBe('//[x');
    expect(parseTarget('/.//evil.example/?token=T')).toMatchObject({ pathname: '//evil.example/' });
    expect(parseTarget('/a?token=T')?.searchParams.get('token')).toBe('T');
    expect(parseTarget('http://evil.example/')).toBeNull();
    expect(parseTarget('evil.example:443')).toBeNull();
    expect(parseTarget('*')).toBeNull();
  });

  it('make redirects that stay on this site', () => {
    expect(localLocation('//evil.example/')).toBe('/evil.example/');
    expect(localLocation('/\\evil.example')).toBe('/evil.example');
    expect(localLocation('/')).toBe('/');
    expect(localLocation('/a/b')).toBe('/a/b');
  });
});

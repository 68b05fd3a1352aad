import { describe, expect, it } from 'vitest';
import { hostHeaders, isLoopback, validHostName } from './bind-policy.js';

describe('bind policy', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'edge01', '128.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('takes plain host names and addresses only', () => {
    for (const h of ['edge01.example.gov', 'edge01', '10.0.0.5', '::1']) expect(validHostName(h), h).toBe(true);
    for (const h of ['https://edge01', 'edge01:443', 'edge01/x', 'a b', '', '-x.example']) expect(validHostName(h), h).toBe(false);
  });

  it('lists the Host headers a browser sends', () => {
    expect(hostHeaders('Edge01', 7420, true)).toEqual(['edge01:7420']);
    expect(hostHeaders('edge01', 443, true)).toEqual(['edge01:443', 'edge01']);
    expect(hostHeaders('::1', 80, false)).toEqual(['[::1]:80', '[::1]']);
  });
});

import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, utf8Problem } from './utf8-position.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('utf8Problem', () => {
  it('is undefined for valid UTF-8, Chinese and emoji included', () => {
    expect(utf8Problem(bytes('SELECT \'城市\', \'🚗\';\n'))).toBeUndefined();
  });

  it('points at the first bad byte with line, column and offset', () => {
    const b = bytes('SELECT 1;\nSELECT \'城', [0xff], '\';');
    expect(utf8Problem(b)).toEqual({ offset: 21, line: 2, column: 10, byte: 0xff });
  });

  it('finds GBK bytes, truncated sequences, overlongs and surrogates', () => {
    expect(firstInvalidUtf8(bytes('a', [0xb3, 0xc7]))).toBe(1); // 城 in GBK
    expect(firstInvalidUtf8(bytes('ab', [0xe5, 0x9f]))).toBe(2); // cut short at the end
    expect(firstInvalidUtf8(bytes([0xc0, 0xaf]))).toBe(0); // overlong '/'
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(bytes('x', [0xe5, 0x41, 0x41]))).toBe(1); // a lead byte without continuation
  });
});

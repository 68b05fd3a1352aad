import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('line index', () => {
  it('maps offsets to 1-based lines and columns and back, for \\n, \\r\\n and \\r', () => {
    const text = 'SELECT 1;\r\nSELECT 2;\rSELECT\n  3;';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(text.indexOf('2'))).toEqual({ line: 2, column: 8 });
    expect(index.position(text.indexOf('3'))).toEqual({ line: 4, column: 3 });
    expect(index.position(text.length)).toEqual({ line: 4, column: 5 });
    for (const offset of [0, 5, 11, 20, text.length]) expect(index.offset(index.position(offset))).toBe(offset);
  });

  it('counts UTF-16 units, as editors do', () => {
    const index = new LineIndex("SELECT '京A12345', x");
    expect(index.position(17)).toEqual({ line: 1, column: 18 });
  });
});

import { describe, expect, it } from 'vitest';
import { blankline, group, hardline, indent, join, line, lineSuffix, softline } from './doc.js';
import { printDoc } from './printer.js';

describe('printDoc', () => {
  const list = (items: string[]) => group(['f(', indent([softline, join([',', line], items)]), softline, ')']);

  it('keeps a group flat when it fits and breaks every line of it when not', () => {
    expect(printDoc(list(['a', 'b']), 20, 2, '\n')).toBe('f(a, b)');
    expect(printDoc(list(['aaaaaa', 'bbbbbb', 'cccccc']), 20, 2, '\n')).toBe('f(\n  aaaaaa,\n  bbbbbb,\n  cccccc\n)');
  });

  it('breaks groups that hold a hard line, collapses repeated breaks and trims line ends', () => {
    expect(printDoc(group(['a', indent([line, 'b ', hardline, hardline, 'c'])]), 80, 2, '\n')).toBe('a\n  b\n  c');
  });

  it('keeps one empty line for a blank line, and moves line suffixes to the end of the line', () => {
    expect(printDoc(['a', blankline, blankline, 'b'], 80, 2, '\r\n')).toBe('a\r\n\r\nb');
    expect(printDoc([group(['x', lineSuffix(' -- c'), ',', line, 'y'])], 80, 2, '\n')).toBe('x, -- c\ny');
  });
});

import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it('shows escape sequences and other controls as visible text', () => {
    expect(terminalSafe('t\u001b]0;pwned\u0007x')).toBe('t\\x1b]0;pwned\\x07x');
    expect(terminalSafe('a\rb\u009bc\u202ed')).toBe('a\\x0db\\x9bc\\u202ed');
  });

  it('keeps newlines, tabs and Chinese text', () => {
    expect(terminalSafe('表\t名\n')).toBe('表\t名\n');
  });
});

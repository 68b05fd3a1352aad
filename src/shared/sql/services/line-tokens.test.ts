import { describe, expect, it } from 'vitest';
import { tokenizeLine, type LineMode } from './line-tokens.js';

function scopes(lines: string[]): string[][] {
  let mode: LineMode = 'none';
  return lines.map((line) => {
    const { tokens, end } = tokenizeLine(line, mode);
    mode = end;
    return tokens.filter((t) => t.scopes !== '').map((t) => `${t.scopes}@${t.startIndex}`);
  });
}

describe('line tokens', () => {
  it('colours keywords, names, strings, numbers and comments from the lexer', () => {
    expect(scopes(["SELECT plate_no, 'x' FROM t WHERE n > 1; -- done"])[0]).toEqual([
      'keyword@0',
      'identifier@7',
      'operator@15',
      'string@17',
      'keyword@21',
      'identifier@26',
      'keyword@28',
      'identifier@34',
      'operator@36',
      'number@38',
      'operator@39',
      'comment@41',
    ]);
  });

  it('carries block comments, strings and backtick names across lines', () => {
    const result = scopes(['SELECT /* a', 'still comment */ x', "WHERE s = 'multi", "line' AND `odd", 'name` = 1']);
    expect(result[1]).toEqual(['comment@0', 'identifier@17']);
    expect(result[3]![0]).toBe('string@0');
    expect(result[3]).toContain('keyword@6');
    expect(result[4]![0]).toBe('identifier@0');
  });

  it('marks hints apart from comments', () => {
    expect(scopes(["SELECT /*+ OPTIONS('a'='b') */ 1"])[0]).toContain('annotation@7');
  });

  it('starts strictly increasing and never empty', () => {
    for (const line of ['', '   ', 'SELECT', "'unterminated", '`x`.`y`']) {
      const { tokens } = tokenizeLine(line, 'none');
      expect(tokens.length).toBeGreaterThan(0);
      for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.startIndex).toBeGreaterThan(tokens[i - 1]!.startIndex);
    }
  });
});

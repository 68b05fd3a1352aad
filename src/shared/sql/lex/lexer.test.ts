import { describe, expect, it } from 'vitest';
import { isReservedKeyword } from './keywords.js';
import { lex } from './lexer.js';
import { TokenKind } from './token.js';

const kinds = (text: string): string[] => lex(text).map((t) => t.kind);
const texts = (text: string): string[] => lex(text).map((t) => text.slice(t.start, t.end));

describe('lex', () => {
  it('emits keywords upper-cased with reserved flags and identifiers as written', () => {
    const toks = lex('select Data, `my col` from T');
    expect(toks.map((t) => [t.kind, t.value, t.reserved])).toEqual([
      [TokenKind.Keyword, 'SELECT', true],
      [TokenKind.Keyword, 'DATA', false],
      [TokenKind.Operator, ',', undefined],
      [TokenKind.QuotedIdentifier, 'my col', undefined],
      [TokenKind.Keyword, 'FROM', true],
      [TokenKind.Identifier, 'T', undefined],
      [TokenKind.EOF, undefined, undefined],
    ]);
  });

  it('keeps exact offsets and skips whitespace', () => {
    const text = '  a\n\t+ 12.5e-3 ';
    expect(lex(text).map((t) => [t.start, t.end])).toEqual([[2, 3], [5, 6], [7, 14], [15, 15]]);
  });

  it('unescapes strings and quoted identifiers', () => {
    const toks = lex("'it''s' `a``b` N'x' X'0A' U&'\\0041' _UTF16'y' E'z'");
    expect(toks.slice(0, -1).map((t) => [t.kind, t.value])).toEqual([
      [TokenKind.String, "it's"],
      [TokenKind.QuotedIdentifier, 'a`b'],
      [TokenKind.String, 'x'],
      [TokenKind.String, '0A'],
      [TokenKind.String, '\\0041'],
      [TokenKind.String, 'y'],
      [TokenKind.String, 'z'],
    ]);
  });

  it('emits comments and hints as tokens of their own', () => {
    expect(kinds('a -- c\n/* b */ /*+ OPTIONS() */ // d')).toEqual([
      TokenKind.Identifier, TokenKind.LineComment, TokenKind.BlockComment, TokenKind.HintComment, TokenKind.LineComment, TokenKind.EOF,
    ]);
  });

  it('never throws on broken input: unterminated tokens reach the end', () => {
    expect(kinds("'abc")).toEqual([TokenKind.UnterminatedString, TokenKind.EOF]);
    expect(kinds('`abc')).toEqual([TokenKind.UnterminatedQuotedIdentifier, TokenKind.EOF]);
    expect(kinds('/* abc')).toEqual([TokenKind.UnterminatedBlockComment, TokenKind.EOF]);
    expect(kinds('"abc')).toEqual([TokenKind.UnterminatedDoubleQuoted, TokenKind.EOF]);
    expect(kinds('a # b，')).toEqual([TokenKind.Identifier, TokenKind.Unknown, TokenKind.Identifier, TokenKind.Unknown, TokenKind.EOF]);
  });

  it('lexes multi-character operators', () => {
    expect(texts('a<>b<=c>=d!=e||f=>g').filter((_, i) => i % 2 === 1 && i < 12)).toEqual(['<>', '<=', '>=', '!=', '||', '=>']);
  });

  it('accepts CJK letters in names and lexes a sub-range', () => {
    const text = 'xx 车牌号 yy';
    const toks = lex(text, 3, 6);
    expect(toks.map((t) => [t.kind, t.value, t.start, t.end])).toEqual([
      [TokenKind.Identifier, '车牌号', 3, 6],
      [TokenKind.EOF, undefined, 6, 6],
    ]);
  });

  it('knows which words Flink reserves', () => {
    expect(isReservedKeyword('timestamp')).toBe(true);
    expect(isReservedKeyword('value')).toBe(true);
    expect(isReservedKeyword('comment')).toBe(true);
    expect(isReservedKeyword('data')).toBe(false);
    expect(isReservedKeyword('key')).toBe(false);
    expect(isReservedKeyword('plate_no')).toBe(false);
  });
});

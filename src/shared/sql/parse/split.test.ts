import { describe, expect, it } from 'vitest';
import { splitStatements } from './split.js';

const texts = (sql: string): string[] => splitStatements(sql).map((s) => s.text);

describe('splitStatements', () => {
  it('splits on top-level semicolons and keeps exact offsets', () => {
    const sql = 'SELECT 1;\n  SELECT 2 ;SELECT 3';
    const slices = splitStatements(sql);
    expect(slices.map((s) => s.text)).toEqual(['SELECT 1;', 'SELECT 2 ;', 'SELECT 3']);
    for (const s of slices) expect(sql.slice(s.start, s.end)).toBe(s.text);
  });

  it('ignores semicolons in strings, comments and quoted names', () => {
    expect(texts("SELECT ';' AS `a;b` -- x;y\n/* ; */ FROM t; SELECT 'it''s;'")).toEqual([
      "SELECT ';' AS `a;b` -- x;y\n/* ; */ FROM t;",
      "SELECT 'it''s;'",
    ]);
  });

  it('keeps leading comments with their statement and drops comment-only tails', () => {
    expect(texts('-- job 1\nCREATE TABLE a (x INT);\n-- the end\n')).toEqual(['-- job 1\nCREATE TABLE a (x INT);']);
    expect(texts('/* only */')).toEqual([]);
  });

  it('treats BEGIN STATEMENT SET; ... END; as one slice', () => {
    const sql = "SET 'a' = 'b';\nBEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 3;";
    expect(texts(sql)).toEqual([
      "SET 'a' = 'b';",
      'BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;',
      'SELECT 3;',
    ]);
  });

  it('treats EXECUTE / EXPLAIN STATEMENT SET BEGIN ... END; as one slice', () => {
    expect(texts('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END; SELECT 1;')).toEqual([
      'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;',
      'SELECT 1;',
    ]);
    expect(texts('EXPLAIN STATEMENT SET BEGIN\nEND;\nSELECT 1;')).toEqual(['EXPLAIN STATEMENT SET BEGIN\nEND;', 'SELECT 1;']);
  });

  it('closes a statement set whose END was forgotten before a non-INSERT statement', () => {
    expect(texts('BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nSELECT 2;')).toEqual(['BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;', 'SELECT 2;']);
  });

  it('does not let an unterminated string or comment swallow the rest of the script', () => {
    expect(texts("SELECT 'abc;\nSELECT 2;\nSELECT 3;")).toEqual(["SELECT 'abc;\nSELECT 2;", 'SELECT 3;']);
    expect(texts('SELECT 1 /* open\nFROM t; SELECT 2;')).toEqual(['SELECT 1 /* open\nFROM t;', 'SELECT 2;']);
  });
});

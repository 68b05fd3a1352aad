import { describe, expect, it } from 'vitest';
import { generateScript } from '../../../../bench/script-generator.js';
import { ScriptChecker } from './script-checker.js';

/** Deterministic PRNG so a failure reproduces. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** Statements whose analysis depends on earlier ones in every way the session tracks. */
const TAIL = `
CREATE TABLE src (id INT, name STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE VIEW v AS SELECT id, name FROM src;
CREATE TEMPORARY TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen');
INSERT INTO district_flow_1 SELECT name, ts, ts, id, 1.0 FROM src;
SELECT nope FROM v;
SELECT * FROM SRC;
CREATE TABLE likes (extra INT) LIKE src;
ALTER TABLE likes ADD (more STRING);
SELECT extra, more, id FROM likes;
CREATE FUNCTION my_fn AS 'com.example.Fn';
SELECT my_fn(id), unknown_fn(id) FROM src;
DROP TEMPORARY TABLE src;
SELECT ts FROM src;
USE CATALOG other_catalog;
SELECT * FROM capture_1;
USE CATALOG default_catalog;
SELECT * FROM capture_1 JOIN capture_2 ON capture_1.record_id = capture_2.record_id WHERE lane_no > 1;
`;

const SNIPPETS = ['x', ' ', ';', "'", '_1', 'capture_1', ')', 'INT', '\n', 'TEMPORARY ', '--', '/*', '*/', '`', 'USE CATALOG c;'];

describe('script checker', () => {
  it.each([1, 99, 2026])('gives after every edit what a fresh checker gives (seed %i)', (seed) => {
    const rnd = random(seed);
    let text = generateScript(400) + TAIL;
    const checker = new ScriptChecker();
    for (let i = 0; i < 250; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const roll = rnd();
      if (roll < 0.5) text = text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
      else if (roll < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 6));
      else text = text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
      const got = checker.check(text);
      const want = new ScriptChecker().check(text);
      expect({ edit: i, statements: got.statements, diagnostics: got.diagnostics }).toEqual({ edit: i, statements: want.statements, diagnostics: want.diagnostics });
    }
  });

  it('gives hover and completion the session a fresh checker gives, edits and checks interleaved', () => {
    const rnd = random(7);
    let text = generateScript(200) + TAIL;
    const checker = new ScriptChecker();
    const tables = (c: ScriptChecker, at: number) => {
      const { session, start, end } = c.sessionAt(text, at);
      return { start, end, use: [session.catalog, session.database], tables: [...session.tables.entries()] };
    };
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      if (rnd() < 0.6) text = text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
      else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 6));
      const cursor = Math.floor(rnd() * (text.length + 1));
      expect({ edit: i, ...tables(checker, cursor) }).toEqual({ edit: i, ...tables(new ScriptChecker(), cursor) });
      if (i % 3 === 0) expect(checker.check(text).diagnostics).toEqual(new ScriptChecker().check(text).diagnostics);
    }
  });

  it('re-checks the users of a table whose definition changed, and only them', () => {
    const text = generateScript(400);
    const checker = new ScriptChecker();
    expect(checker.check(text).diagnostics).toEqual([]);
    const edited = text.replace('CREATE TABLE vehicle_2 (\n  plate_no STRING', 'CREATE TABLE vehicle_2 (\n  plate_number STRING');
    const after = checker.check(edited);
    expect(after.parsed).toBe(1);
    expect(after.diagnostics.map((d) => [d.code, edited.slice(d.start, d.end)])).toEqual([['sql.unknown-column', 'plate_no'], ['sql.unknown-column', 'v.plate_no']]);
    expect(checker.check(text).diagnostics).toEqual([]);
  });
});

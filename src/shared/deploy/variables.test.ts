import { describe, expect, it } from 'vitest';
import { substituteVariables } from './variables.js';

describe('substituteVariables', () => {
  const values = new Map([
    ['kafka', '10.0.0.1:9092'],
    ['db.password', 's3cr3t'],
  ]);

  it('fills placeholders and keeps secrets out of the frozen text', () => {
    const r = substituteVariables("'servers' = '${kafka}', 'password' = '${db.password}'", values, new Set(['db.password']));
    expect(r.sql).toBe("'servers' = '10.0.0.1:9092', 'password' = 's3cr3t'");
    expect(r.frozen).toBe("'servers' = '10.0.0.1:9092', 'password' = '${db.password}'");
    expect(r.frozen).not.toContain('s3cr3t');
    expect([...r.used].sort()).toEqual(['db.password', 'kafka']);
    expect(r.missing).toEqual([]);
  });

  it('reports each missing placeholder with its line and column', () => {
    const r = substituteVariables("SELECT 1;\n  SELECT '${nope}';", values);
    expect(r.missing).toEqual([{ name: 'nope', line: 2, column: 11 }]);
    expect(r.sql).toContain('${nope}');
  });

  it('treats $${name} as a literal ${name}', () => {
    const r = substituteVariables("'path' = '$${kafka}'", values);
    expect(r.sql).toBe("'path' = '${kafka}'");
    expect(r.missing).toEqual([]);
  });
});

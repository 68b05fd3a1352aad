import { describe, expect, it } from 'vitest';
import { ScriptChecker } from './script-checker.js';
import { gatewayStatements } from './statement-plan.js';
import { countJobs } from './job-statements.js';

describe('scripts as the SQL Gateway takes them', () => {
  const script = `-- sources
SET 'pipeline.name' = 'x';
CREATE TABLE a (x INT) WITH ('connector' = 'datagen');
/* two sinks */
BEGIN STATEMENT SET;
INSERT INTO b SELECT x FROM a;
INSERT INTO c SELECT x FROM a;
END;
`;

  it('sends one statement per call, without the ;, a statement set as EXECUTE STATEMENT SET', () => {
    const statements = gatewayStatements(script);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toBe("-- sources\nSET 'pipeline.name' = 'x'");
    expect(statements[2]).toMatch(/^\/\* two sinks \*\/\nEXECUTE STATEMENT SET BEGIN\s+INSERT INTO b SELECT x FROM a;\nINSERT INTO c SELECT x FROM a;\nEND$/);
  });

  it('counts the jobs a script starts', () => {
    const jobs = (sql: string) => countJobs(new ScriptChecker({ syntaxOnly: true }).check(sql).statements);
    expect(jobs(script)).toBe(1);
    expect(jobs('INSERT INTO b SELECT 1; INSERT INTO c SELECT 2;')).toBe(2);
    expect(jobs("CREATE TABLE a (x INT) WITH ('connector' = 'datagen');")).toBe(0);
    expect(jobs('EXECUTE STATEMENT SET BEGIN INSERT INTO b SELECT 1; END;')).toBe(1);
  });
});

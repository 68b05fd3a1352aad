/**
 * Ad-hoc probe: `npx tsx test/differential/probe.ts FILE` judges each line of FILE (one statement
 * per line) by Flink's parser and Weir's, and prints the disagreements.
 */
import { readFileSync } from 'node:fs';
import { parseStatement } from '../../src/shared/sql/parse/parser.js';
import { ensureFlinkParserBuilt, FlinkParserProcess } from './flink-parser-process.js';

const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
await ensureFlinkParserBuilt();
const flink = await FlinkParserProcess.start();
const verdicts = await flink.judge(lines.map((sql, i) => ({ id: String(i), sql })));
let differ = 0;
lines.forEach((sql, i) => {
  const parsed = parseStatement(sql, 0, sql.length, { flinkVersion: '1.20' });
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  const weir = !error && !(parsed.following && parsed.following.length > 0);
  const f = verdicts.get(String(i))!;
  if (f.accepted !== weir) {
    differ++;
    process.stdout.write(`DIFF flink=${f.accepted} weir=${weir}: ${sql}\n   flink: ${f.error ?? ''}\n   weir: ${error ? `${error.code} ${JSON.stringify(error.params)}` : ''}\n`);
  } else process.stdout.write(`same ${f.accepted ? 'accept' : 'reject'}: ${sql}\n`);
});
process.stdout.write(`${differ} of ${lines.length} differ\n`);
await flink.close();

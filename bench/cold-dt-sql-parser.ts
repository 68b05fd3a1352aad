/** The anchor's first validation in a fresh process. Prints one JSON line. */
import { readFileSync } from 'node:fs';
import { loadDtSqlParser } from './dt-sql-parser.js';

const text = readFileSync(process.argv[2]!, 'utf8');
const parser = await loadDtSqlParser();
const started = performance.now();
const errors = parser.validate(text);
process.stdout.write(JSON.stringify({ millis: performance.now() - started, errors: errors.length }) + '\n');

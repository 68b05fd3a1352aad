/**
 * Runs in a fresh process: times the very first full check of a script (JIT cold), for the
 * "first call in a new process" figure. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { ScriptChecker } from '../src/shared/sql/services/script-checker.js';

const text = readFileSync(process.argv[2]!, 'utf8');
const started = performance.now();
const result = new ScriptChecker().check(text);
const millis = performance.now() - started;
process.stdout.write(JSON.stringify({ millis, statements: result.statements.length, diagnostics: result.diagnostics.length }) + '\n');

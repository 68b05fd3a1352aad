import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { describeDiagnostic } from '../../shared/i18n/translator.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { ScriptChecker } from '../../shared/sql/services/script-checker.js';
import { readSqlInput } from './input/read-sql-input.js';
import { writeOut } from './terminal-text.js';

const FLINK_VERSIONS = ['1.15', '1.16', '1.17', '1.18', '1.19', '1.20'];

interface JsonDiagnostic {
  severity: string;
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `weir check FILE... [--json] [--syntax-only] [--flink-version V]` ('-' is stdin): exit 1 when any error. */
export async function checkCommand(args: string[], t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      'syntax-only': { type: 'boolean', default: false },
      'flink-version': { type: 'string', default: '1.20' },
    },
    allowPositionals: true,
    strict: true,
  });
  const flinkVersion = values['flink-version']!;
  if (!FLINK_VERSIONS.includes(flinkVersion)) {
    throw new WeirError('cli.bad-option', { option: '--flink-version', value: flinkVersion });
  }
  if (positionals.length === 0) throw new WeirError('cli.missing-files', { command: 'check' });

  const checker = new ScriptChecker({ flinkVersion, syntaxOnly: values['syntax-only'] });
  let errors = 0;
  const files = [];
  for (const path of positionals) {
    const text = await readSqlInput(path);
    const result = checker.check(text);
    const index = new LineIndex(text);
    const diagnostics: JsonDiagnostic[] = result.diagnostics.map((d) => {
      const from = index.position(d.start);
      const to = index.position(d.end);
      if (d.severity === 'error') errors++;
      return {
        severity: d.severity,
        code: d.code,
        message: describeDiagnostic(t, d.code, d.params),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
      };
    });
    files.push({ path, statements: result.statements.length, diagnostics });
  }

  if (values.json) {
    process.stdout.write(JSON.stringify({ files }) + '\n');
  } else {
    for (const file of files) {
      for (const d of file.diagnostics) {
        writeOut(`${file.path}:${d.line}:${d.column}: ${t.t(`cli.check.${d.severity}`)} ${d.code}: ${d.message}\n`);
      }
    }
    const problems = files.reduce((n, f) => n + f.diagnostics.length, 0);
    writeOut(t.t('cli.check.summary', { files: files.length, statements: files.reduce((n, f) => n + f.statements, 0), problems, errors }) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

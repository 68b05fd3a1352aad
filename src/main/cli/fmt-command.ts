import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import { formatScript } from '../../shared/sql/services/format/formatter.js';
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { readSqlInput } from './input/read-sql-input.js';
import { writeOut } from './terminal-text.js';

const BOM = '\uFEFF';

/**
 * `weir fmt FILE... [--check]`: formats files in place (the same formatter as the editor).
 * --check writes nothing and exits 1 when a file would change; either way exit 1 when some
 * statement could not be formatted (a syntax error), so CI sees it.
 */
export async function fmtCommand(args: string[], t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { check: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new WeirError('cli.missing-files', { command: 'fmt' });

  let changed = 0;
  let skipped = 0;
  for (const path of positionals) {
    const raw = await readSqlInput(path);
    // a byte-order mark is not part of the SQL: keep it in front
    const bom = raw.startsWith(BOM) ? BOM : '';
    const text = raw.slice(bom.length);
    const result = formatScript(text);
    const index = new LineIndex(text);
    for (const s of result.skipped) {
      const at = index.position(s.start);
      const reason = t.t(s.reason === 'syntax-error' ? 'cli.fmt.syntaxError' : 'cli.fmt.unsafe');
      writeOut(`${path}:${at.line}:${at.column}: ${reason}\n`);
      skipped++;
    }
    if (!result.changed) continue;
    changed++;
    if (values.check) {
      writeOut(t.t('cli.fmt.wouldChange', { path }) + '\n');
      continue;
    }
    writeAtomically(path, bom + result.text);
    writeOut(t.t('cli.fmt.formatted', { path }) + '\n');
  }
  const files = positionals.length;
  writeOut(t.t(values.check ? 'cli.fmt.checkSummary' : 'cli.fmt.summary', { files, changed, unchanged: files - changed, skipped }) + '\n');
  return skipped > 0 || (values.check && changed > 0) ? 1 : 0;
}

/** Write beside the file, then rename over it: a crash never leaves half a script. */
function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.weir-fmt`);
  try {
    writeFileSync(temp, text, 'utf8');
    chmodSync(temp, statSync(path).mode & 0o7777);
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw new WeirError('cli.cannot-write', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
}

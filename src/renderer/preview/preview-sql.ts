import { splitStatements } from '../../shared/sql/parse/split.js';

/** Statements a preview keeps before its query: they only set up the session (tables, views, SET …). */
const SETUP = /^(CREATE|SET|RESET|USE|LOAD|ADD)\b/i;

/**
 * What "Preview" runs: the selection if there is one; else the statement at the cursor preceded
 * by the script's setup statements before it (CREATE TABLE, SET …); INSERTs, statement sets and
 * other queries are left out.
 */
export function previewSql(text: string, selection: { start: number; end: number } | null, cursor: number): string {
  if (selection && selection.end > selection.start) {
    const selected = text.slice(selection.start, selection.end);
    if (selected.trim() !== '') return selected.trim();
  }
  const slices = splitStatements(text);
  if (slices.length === 0) return '';
  let at = slices.findIndex((s) => cursor <= s.end);
  if (at < 0) at = slices.length - 1;
  return slices
    .slice(0, at + 1)
    .filter((s, i) => i === at || SETUP.test(stripComments(s.text)))
    .map((s) => s.text.trim())
    .join('\n');
}

function stripComments(sql: string): string {
  return sql
    .replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '')
    .trimStart();
}

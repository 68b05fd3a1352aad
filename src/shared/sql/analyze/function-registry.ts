import type { BuiltinFunction } from './builtin-function.js';
import { BUILTIN_FUNCTIONS } from './builtin-functions.js';

const byName = new Map(BUILTIN_FUNCTIONS.map((f) => [f.name, f]));

/**
 * Names the parser turns into calls that are operators or syntax, not catalog functions:
 * quantified comparisons, grouping sets, and the niladic session values.
 */
const SYNTAX_CALLS = new Set(['ANY', 'SOME', 'ALL', 'GROUPING SETS', 'ROLLUP', 'CUBE', 'ROW', 'ARRAY', 'MAP', 'MULTISET', 'USER', 'CURRENT_USER',
  'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_SCHEMA', 'TIME', 'TIMESTAMP', 'CHAR', 'INTERVAL', 'MEMBER', 'RUNNING', 'FINAL']);

/** The built-in function of this name (Flink resolves function names case-insensitively). */
export function builtinFunction(name: string): BuiltinFunction | undefined {
  return byName.get(name.toUpperCase());
}

export function isSyntaxCall(name: string): boolean {
  return SYNTAX_CALLS.has(name.toUpperCase());
}

export function builtinFunctionNames(): Iterable<string> {
  return byName.keys();
}

import type { AnyNode } from '../ast/visit.js';
import { walk } from '../ast/visit.js';
import { parseScript } from '../parse/parser.js';

/**
 * Whether a savepoint of one version of a script is likely to restore into another. Flink maps
 * state to operators; an upgrade keeps state only when the job's stateful operators (joins,
 * aggregations and their GROUP BY keys, windows, OVER, deduplication, MATCH_RECOGNIZE) and its
 * sinks stay the same. This compares that structure statement by statement, not the text: a new
 * filter or projection is fine, a new GROUP BY key is not.
 */
export interface StateCompatibilityWarning {
  readonly code: 'sink-changed' | 'keys-changed' | 'operators-changed';
  /** What changed, for the message: table names, keys, operators. */
  readonly detail: string;
}

interface JobShape {
  readonly sinks: string[];
  readonly keys: string[];
  readonly operators: string[];
}

const JOB_STATEMENTS = new Set(['Insert', 'CreateTableAs']);

function shape(sql: string): JobShape {
  const sinks: string[] = [];
  const keys: string[] = [];
  const operators: string[] = [];
  const text = (n: AnyNode) => sql.slice(n.range.start, n.range.end).replace(/\s+/g, ' ').trim().toLowerCase();
  for (const { node } of parseScript(sql).statements) {
    walk(node, (n) => {
      if (JOB_STATEMENTS.has(n.kind)) {
        const target = (n.target ?? n.name) as AnyNode | undefined;
        if (target) sinks.push(text(target));
      }
      switch (n.kind) {
        case 'GroupBy':
          keys.push(`[${(n.items as AnyNode[]).map(text).join(', ')}]`);
          operators.push('GROUP BY');
          break;
        case 'Join':
          operators.push(`${String(n.joinType)} JOIN${(n.right as AnyNode | undefined)?.systemTime ? ' (lookup / temporal)' : ''}`);
          break;
        case 'TableFunction':
          operators.push(`TABLE(${text(((n.call as AnyNode).name as AnyNode) ?? (n.call as AnyNode))})`);
          break;
        case 'WindowSpec':
          keys.push(`OVER [${(n.partitionBy as AnyNode[]).map(text).join(', ')}]`);
          operators.push('OVER');
          break;
        case 'MatchRecognize':
          operators.push('MATCH_RECOGNIZE');
          break;
        case 'Select':
          if (n.quantifier === 'DISTINCT') operators.push('SELECT DISTINCT');
          break;
      }
    });
  }
  return { sinks, keys, operators };
}

function difference(before: readonly string[], after: readonly string[]): string {
  const count = (list: readonly string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  const removed = [...a].filter(([k, n]) => (b.get(k) ?? 0) < n).map(([k]) => `- ${k}`);
  const added = [...b].filter(([k, n]) => (a.get(k) ?? 0) < n).map(([k]) => `+ ${k}`);
  return [...removed, ...added].join('; ');
}

/** Warnings for upgrading a job running `before` to `after` from a savepoint; empty when the structure is the same. */
export function stateCompatibility(before: string, after: string): StateCompatibilityWarning[] {
  const a = shape(before);
  const b = shape(after);
  const warnings: StateCompatibilityWarning[] = [];
  const sinks = difference([...new Set(a.sinks)].sort(), [...new Set(b.sinks)].sort());
  if (sinks) warnings.push({ code: 'sink-changed', detail: sinks });
  const keys = difference(a.keys, b.keys);
  if (keys) warnings.push({ code: 'keys-changed', detail: keys });
  const operators = difference(a.operators, b.operators);
  if (operators) warnings.push({ code: 'operators-changed', detail: operators });
  return warnings;
}

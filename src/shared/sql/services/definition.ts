import type { AnyNode } from '../ast/visit.js';
import { walk } from '../ast/visit.js';
import type { QualifiedName } from '../ast/node.js';
import { parseScript } from '../parse/parser.js';
import { outlineOf, type OutlineItem } from './outline.js';

/**
 * Go to definition for tables, views and functions: from a name used in a query, an INSERT
 * target or a DROP, to the CREATE in the same script that defines it (the last one before the
 * use, as Flink would see it; else the first after). Names compare exactly, as Flink's are
 * case-sensitive; an unqualified use matches a definition's last name part.
 */
export interface Definition {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const DEFINES = new Set<OutlineItem['kind']>(['table', 'view', 'function']);

export function definitionAt(text: string, offset: number): Definition | null {
  const statements = parseScript(text).statements;
  let used: QualifiedName | null = null;
  for (const parsed of statements) {
    if (offset < parsed.start || offset > parsed.end) continue;
    walk(parsed.node, (node: AnyNode) => {
      if (node.range.start > offset || node.range.end < offset) return false;
      if (node.kind === 'QualifiedName') used = node as unknown as QualifiedName;
      return true;
    });
  }
  if (!used) return null;
  const target: QualifiedName = used;
  const wanted = target.parts.map((p) => p.name);
  const candidates: { item: OutlineItem; start: number }[] = [];
  for (const parsed of statements) {
    const entry = outlineOf(parsed.node);
    if (!entry) continue;
    for (const def of [entry, ...entry.children]) {
      if (!DEFINES.has(def.kind)) continue;
      const parts = text.slice(def.nameStart, def.nameEnd).split('.').map((p) => p.replace(/^`|`$/g, '').replace(/``/g, '`'));
      const tail = parts.slice(-wanted.length);
      if (tail.length === wanted.length && tail.every((p, i) => p === wanted[i])) candidates.push({ item: def, start: def.start });
    }
  }
  // The definition is never the use itself.
  const others = candidates.filter((c) => !(c.item.nameStart <= target.range.start && target.range.end <= c.item.nameEnd));
  const before = others.filter((c) => c.start < target.range.start);
  const chosen = before[before.length - 1] ?? others[0];
  return chosen ? { name: chosen.item.name, start: chosen.item.nameStart, end: chosen.item.nameEnd } : null;
}

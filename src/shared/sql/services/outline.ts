import type { QualifiedName } from '../ast/node.js';
import type { Statement } from '../ast/statement.js';
import { parseScript } from '../parse/parser.js';

/**
 * The statements of a script as an outline (the editor's Outline / Ctrl+Shift+O): what each
 * defines or writes, so a 3,000-line job file can be navigated by table name.
 */
export type OutlineKind = 'table' | 'view' | 'function' | 'catalog' | 'database' | 'insert' | 'statement-set' | 'query' | 'setting' | 'other';

export interface OutlineItem {
  readonly name: string;
  /** The statement's kind as the parser names it, e.g. CreateTable. */
  readonly statement: string;
  readonly kind: OutlineKind;
  readonly start: number;
  readonly end: number;
  /** The name's range, for highlighting it when the item is chosen. */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly children: readonly OutlineItem[];
}

export function qualifiedText(name: QualifiedName): string {
  return name.parts.map((p) => (p.quoted ? `\`${p.name}\`` : p.name)).join('.');
}

function item(node: Statement, name: QualifiedName | null, label: string, kind: OutlineKind, children: OutlineItem[] = []): OutlineItem {
  return {
    name: name ? qualifiedText(name) : label,
    statement: node.kind,
    kind,
    start: node.range.start,
    end: node.range.end,
    nameStart: name ? name.range.start : node.range.start,
    nameEnd: name ? name.range.end : node.range.start,
    children,
  };
}

export function outlineOf(node: Statement): OutlineItem | null {
  switch (node.kind) {
    case 'CreateTable':
    case 'CreateTableAs':
    case 'CreateMaterializedTable':
      return item(node, node.name, '', 'table');
    case 'CreateView':
      return item(node, node.name, '', 'view');
    case 'CreateFunction':
      return item(node, node.name, '', 'function');
    case 'CreateCatalog':
      return item(node, node.name, '', 'catalog');
    case 'CreateDatabase':
      return item(node, node.name, '', 'database');
    case 'Insert':
      return item(node, node.target, '', 'insert');
    case 'StatementSet':
      return item(node, null, 'STATEMENT SET', 'statement-set', node.statements.map(outlineOf).filter((i): i is OutlineItem => i !== null));
    case 'Query':
      return item(node, null, 'SELECT', 'query');
    case 'Set':
    case 'Reset':
      return item(node, null, node.kind.toUpperCase(), 'setting');
    case 'Empty':
      return null;
    default:
      return item(node, null, node.kind, 'other');
  }
}

export function outline(text: string): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const parsed of parseScript(text).statements) {
    const entry = outlineOf(parsed.node);
    if (entry) out.push(entry);
  }
  return out;
}

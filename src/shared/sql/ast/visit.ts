import type { BaseNode } from './node.js';

/** Anything with a `kind` and a `range` is a node. */
export type AnyNode = BaseNode & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as BaseNode).kind === 'string' && typeof (value as BaseNode).range === 'object';
}

/** Children in source order of fields (fields are declared in source order by the parser). */
export function children(node: BaseNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key in node) {
    if (key === 'range' || key === 'kind') continue;
    collect((node as unknown as Record<string, unknown>)[key], out, 0);
  }
  return out;
}

function collect(value: unknown, out: AnyNode[], depth: number): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth);
    return;
  }
  if (isNode(value)) {
    out.push(value);
    return;
  }
  // plain objects that hold nodes (frame bounds, ALTER actions, partition entries)
  if (depth < 3) for (const key in value) collect((value as Record<string, unknown>)[key], out, depth + 1);
}

/**
 * Depth-first walk. `enter` returning false skips the node's children; `leave` runs after them.
 * Works for every node type without a per-kind table, so new node kinds are visited automatically.
 */
export function walk(root: BaseNode, enter: (node: AnyNode, parent: AnyNode | undefined) => boolean | void, leave?: (node: AnyNode) => void): void {
  const visit = (node: AnyNode, parent: AnyNode | undefined): void => {
    if (enter(node, parent) === false) return;
    for (const child of children(node)) visit(child, node);
    leave?.(node);
  };
  visit(root as AnyNode, undefined);
}

/** The innermost node whose range contains `offset` (for hover, completion, go to definition). */
export function nodeAt(root: BaseNode, offset: number): AnyNode | undefined {
  let found: AnyNode | undefined;
  walk(root, (node) => {
    if (offset < node.range.start || offset > node.range.end) return false;
    found = node;
    return true;
  });
  return found;
}

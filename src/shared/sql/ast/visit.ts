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
 * Iterative (an explicit stack): a 3,000-term OR chain is a tree 3,000 levels deep.
 */
export function walk(root: BaseNode, enter: (node: AnyNode, parent: AnyNode | undefined) => boolean | void, leave?: (node: AnyNode) => void): void {
  // frames: a node still to enter, or (done) a node whose children are all visited
  const stack: { node: AnyNode; parent: AnyNode | undefined; done: boolean }[] = [{ node: root as AnyNode, parent: undefined, done: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.done) {
      leave?.(frame.node);
      continue;
    }
    if (enter(frame.node, frame.parent) === false) continue;
    if (leave) stack.push({ node: frame.node, parent: frame.parent, done: true });
    const kids = children(frame.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent: frame.node, done: false });
  }
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

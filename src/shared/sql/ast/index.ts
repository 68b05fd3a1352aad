export type * from './node.js';
export type * from './data-type.js';
export type * from './expression.js';
export type * from './query.js';
export type * from './statement.js';
export { walk, children, nodeAt, type AnyNode } from './visit.js';

/** Half-open UTF-16 offsets into the script text. */
export interface Range {
  start: number;
  end: number;
}

export interface BaseNode {
  kind: string;
  range: Range;
}

/** One name part: `quoted` when written in backticks (then case and reserved words are kept). */
export interface Identifier extends BaseNode {
  kind: 'Identifier';
  name: string;
  quoted: boolean;
}

/** catalog.db.table, db.function, or a single name. */
export interface QualifiedName extends BaseNode {
  kind: 'QualifiedName';
  parts: Identifier[];
}

export interface StringLiteralNode extends BaseNode {
  kind: 'StringLiteral';
  value: string;
}

/** 'key' = 'value' in WITH (...), SET, hints, LIKE options... */
export interface Property extends BaseNode {
  kind: 'Property';
  key: string;
  keyRange: Range;
  value: string;
  valueRange: Range;
}

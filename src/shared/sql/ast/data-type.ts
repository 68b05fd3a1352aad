import type { BaseNode, Identifier, QualifiedName, Range } from './node.js';

/** A Flink data type as written in DDL, CAST and ROW/ARRAY/MAP type constructors. */
export type DataType = BasicType | CollectionType | MapType | RowType | RawType | IntervalType | UserType;

interface TypeBase extends BaseNode {
  /** NOT NULL written after the type; NULL written explicitly gives false. */
  notNull?: boolean;
}

/** INT, VARCHAR(10), DECIMAL(10, 2), TIMESTAMP(3) WITH LOCAL TIME ZONE, TIMESTAMP_LTZ(3), STRING, BYTES... */
export interface BasicType extends TypeBase {
  kind: 'BasicType';
  /** Normalized: 'CHARACTER VARYING' → 'VARCHAR', 'INTEGER' → 'INT', 'DEC'/'NUMERIC' → 'DECIMAL'. */
  name: string;
  /** The words as written, e.g. 'DOUBLE PRECISION'. */
  written: string;
  precision?: number;
  scale?: number;
  withLocalTimeZone?: boolean;
  withTimeZone?: boolean;
}

/** ARRAY<T>, MULTISET<T>, or the suffix forms `T ARRAY` / `T MULTISET`. */
export interface CollectionType extends TypeBase {
  kind: 'CollectionType';
  collection: 'ARRAY' | 'MULTISET';
  element: DataType;
}

export interface MapType extends TypeBase {
  kind: 'MapType';
  key: DataType;
  value: DataType;
}

export interface RowField extends BaseNode {
  kind: 'RowField';
  name: Identifier;
  type: DataType;
  comment?: string;
}

/** ROW<a INT, b STRING 'comment'> or ROW(a INT, b STRING). */
export interface RowType extends TypeBase {
  kind: 'RowType';
  fields: RowField[];
}

/** RAW('class', 'snapshot'). */
export interface RawType extends TypeBase {
  kind: 'RawType';
  className: string;
  snapshot?: string;
}

/** INTERVAL DAY(2) TO SECOND(3), INTERVAL YEAR TO MONTH... */
export interface IntervalType extends TypeBase {
  kind: 'IntervalType';
  from: string;
  to?: string;
  qualifierRange: Range;
}

/** A user-defined (structured/distinct) type referred to by name. */
export interface UserType extends TypeBase {
  kind: 'UserType';
  name: QualifiedName;
}

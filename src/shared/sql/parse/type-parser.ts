import type { DataType, RowField } from '../ast/data-type.js';
import { TokenKind } from '../lex/token.js';
import type { ParserState } from './parser-state.js';

/** Type names Flink knows, with the canonical name. Multi-word names are handled in code. */
const SIMPLE_TYPES: Record<string, string> = {
  BOOLEAN: 'BOOLEAN', TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INT', INTEGER: 'INT', BIGINT: 'BIGINT',
  FLOAT: 'FLOAT', REAL: 'FLOAT', DOUBLE: 'DOUBLE', DECIMAL: 'DECIMAL', DEC: 'DECIMAL', NUMERIC: 'DECIMAL',
  CHAR: 'CHAR', CHARACTER: 'CHAR', VARCHAR: 'VARCHAR', STRING: 'STRING', BINARY: 'BINARY', VARBINARY: 'VARBINARY',
  BYTES: 'BYTES', DATE: 'DATE', TIME: 'TIME', TIMESTAMP: 'TIMESTAMP', TIMESTAMP_LTZ: 'TIMESTAMP_LTZ',

};

export const TIME_UNITS = new Set(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND',
  'YEARS', 'QUARTERS', 'MONTHS', 'WEEKS', 'DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLENNIUM', 'CENTURY', 'DECADE', 'EPOCH', 'DOW', 'DOY', 'ISODOW', 'ISOYEAR']);

/** Can the current token start a data type? */
export function atDataType(p: ParserState): boolean {
  const t = p.peek();
  if (t.kind === TokenKind.Keyword) {
    const v = t.value!;
    return v in SIMPLE_TYPES || v === 'ARRAY' || v === 'MAP' || v === 'MULTISET' || v === 'ROW' || v === 'RAW' || v === 'INTERVAL' || v === 'NATIONAL' || !t.reserved;
  }
  return t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier;
}

/** dataType [ARRAY | MULTISET]* [NOT NULL | NULL] */
export function parseDataType(p: ParserState): DataType {
  const depth = p.depth;
  p.enter();
  const type = parseDataTypeAt(p);
  p.depth = depth;
  return type;
}

function parseDataTypeAt(p: ParserState): DataType {
  const start = p.start();
  let type = parseTypeCore(p);
  for (;;) {
    // INT ARRAY ARRAY ... nests one level per suffix (see nesting.ts)
    if (p.isKw('ARRAY') || p.isKw('MULTISET')) p.enter();
    if (p.isKw('ARRAY') && !p.isOpAt(1, '<') && !p.isOpAt(1, '[')) {
      p.next();
      type = { kind: 'CollectionType', collection: 'ARRAY', element: type, range: p.range(start) };
    } else if (p.isKw('MULTISET') && !p.isOpAt(1, '<')) {
      p.next();
      type = { kind: 'CollectionType', collection: 'MULTISET', element: type, range: p.range(start) };
    } else break;
  }
  if (p.isKw('NOT') && p.isKwAt(1, 'NULL')) {
    p.pos += 2;
    type.notNull = true;
    type.range = p.range(start);
  } else if (p.isKw('NULL')) {
    p.next();
    type.notNull = false;
    type.range = p.range(start);
  }
  return type;
}

function precision(p: ParserState): number | undefined {
  const t = p.peek();
  if (t.kind === TokenKind.Number) {
    p.next();
    return Number(t.value);
  }
  p.unexpected('sql.expect.number');
  return undefined;
}

function parseTypeCore(p: ParserState): DataType {
  const start = p.start();
  const t = p.peek();
  if (t.kind !== TokenKind.Keyword) {
    if (t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier) {
      const name = p.qname();
      return { kind: 'UserType', name, range: p.range(start) };
    }
    p.expected('data-type');
    return { kind: 'BasicType', name: '', written: '', range: p.range(start) };
  }
  const word = t.value!;
  switch (word) {
    case 'ARRAY':
    case 'MULTISET': {
      p.next();
      const open = p.peek();
      if (!p.expectOp('<')) return { kind: 'BasicType', name: word, written: word, range: p.range(start) };
      const element = parseDataType(p);
      p.expectClose(open, '>');
      return { kind: 'CollectionType', collection: word, element, range: p.range(start) };
    }
    case 'MAP': {
      p.next();
      const open = p.peek();
      p.expectOp('<');
      const key = parseDataType(p);
      p.expectOp(',');
      const value = parseDataType(p);
      p.expectClose(open, '>');
      return { kind: 'MapType', key, value, range: p.range(start) };
    }
    case 'ROW': {
      p.next();
      const open = p.peek();
      const close = p.isOp('<') ? '>' : ')';
      if (!p.acceptOp('<') && !p.expectOp('(')) return { kind: 'RowType', fields: [], range: p.range(start) };
      const fields: RowField[] = [];
      if (!p.isOp(close)) {
        do {
          const fs = p.start();
          const name = p.ident();
          const type = parseDataType(p);
          const comment = p.isString() ? p.string().value : undefined;
          fields.push({ kind: 'RowField', name, type, ...(comment !== undefined ? { comment } : {}), range: p.range(fs) });
        } while (p.acceptOp(',') && !p.failed);
      }
      p.expectClose(open, close);
      return { kind: 'RowType', fields, range: p.range(start) };
    }
    case 'RAW': {
      p.next();
      const open = p.peek();
      p.expectOp('(');
      p.joinStrings();
      const className = p.string().value;
      let snapshot: string | undefined;
      // Flink's parser needs both: RAW('class', 'serializer snapshot')
      if (p.acceptOp(',')) {
        p.joinStrings();
        snapshot = p.string().value;
      } else if (!p.failed) {
        const t = p.peek();
        p.fail('sql.unexpected-token', { expected: "', serializer snapshot'", found: p.found(t) }, t.start, t.end);
      }
      p.expectClose(open);
      return { kind: 'RawType', className, ...(snapshot !== undefined ? { snapshot } : {}), range: p.range(start) };
    }
    case 'INTERVAL': {
      p.next();
      const q = intervalQualifier(p);
      return { kind: 'IntervalType', from: q.from, ...(q.to ? { to: q.to } : {}), qualifierRange: q.range, range: p.range(start) };
    }
  }
  // multi-word and simple types
  let name = SIMPLE_TYPES[word];
  let written = word;
  if (name === undefined) {
    if (word === 'NATIONAL' && (p.isKwAt(1, 'CHAR') || p.isKwAt(1, 'CHARACTER'))) {
      p.next();
      name = 'CHAR';
      written = 'NATIONAL ' + p.peek().value;
    } else if (!t.reserved) {
      const qn = p.qname();
      return { kind: 'UserType', name: qn, range: p.range(start) };
    } else {
      p.expected('data-type');
      return { kind: 'BasicType', name: '', written: '', range: p.range(start) };
    }
  }
  p.next();
  if ((word === 'CHAR' || word === 'CHARACTER') && p.isKw('VARYING')) {
    p.next();
    name = 'VARCHAR';
    written += ' VARYING';
  } else if (word === 'BINARY' && p.isKw('VARYING')) {
    p.next();
    name = 'VARBINARY';
    written += ' VARYING';
  } else if (word === 'DOUBLE' && p.isKw('PRECISION')) {
    p.next();
    written += ' PRECISION';
  }
  const node: DataType = { kind: 'BasicType', name, written, range: p.range(start) };
  const open = p.peek();
  if (p.acceptOp('(')) {
    const prec = precision(p);
    if (prec !== undefined) node.precision = prec;
    if (p.acceptOp(',')) {
      const scale = precision(p);
      if (scale !== undefined) node.scale = scale;
    }
    p.expectClose(open);
  }
  if ((name === 'TIMESTAMP' || name === 'TIME') && (p.isKw('WITH') || p.isKw('WITHOUT'))) {
    const without = p.isKw('WITHOUT');
    if (p.isKwAt(1, 'LOCAL')) {
      p.pos += 2;
      p.expectKws('TIME', 'ZONE');
      if (!without) node.withLocalTimeZone = true;
    } else if (p.isKwAt(1, 'TIME')) {
      p.pos += 2;
      p.expectKw('ZONE');
      if (!without) node.withTimeZone = true;
    }
  }
  node.range = p.range(start);
  return node;
}

/** YEAR [(p)] [TO MONTH], DAY [(p)] TO SECOND [(p)], SECOND [(p[, s])]... */
export function intervalQualifier(p: ParserState): { from: string; to?: string; range: { start: number; end: number } } {
  const start = p.start();
  const from = timeUnit(p);
  skipPrecision(p);
  let to: string | undefined;
  if (p.acceptKw('TO')) {
    to = timeUnit(p);
    skipPrecision(p);
  }
  return { from, ...(to ? { to } : {}), range: p.range(start) };
}

function skipPrecision(p: ParserState): void {
  const open = p.peek();
  if (p.acceptOp('(')) {
    precision(p);
    if (p.acceptOp(',')) precision(p);
    p.expectClose(open);
  }
}

export function timeUnit(p: ParserState): string {
  const t = p.peek();
  if (t.kind === TokenKind.Keyword && TIME_UNITS.has(t.value!)) {
    p.next();
    return t.value!;
  }
  if (t.kind === TokenKind.Identifier && TIME_UNITS.has(t.value!.toUpperCase())) {
    p.next();
    return t.value!.toUpperCase();
  }
  p.unexpected('YEAR / MONTH / DAY / HOUR / MINUTE / SECOND');
  return '';
}

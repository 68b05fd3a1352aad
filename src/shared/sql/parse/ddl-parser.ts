import type { Expression } from '../ast/expression.js';
import type { Identifier, Property, QualifiedName, StringLiteralNode } from '../ast/node.js';
import type {
  AlterTable, Column, ColumnConstraint, ColumnPosition, CreateTable, CreateTableAs, Distribution, FunctionResource, LikeOption,
  PartitionSpec, Statement, TableConstraint, TableLike, Watermark,
} from '../ast/statement.js';
import { TokenKind } from '../lex/token.js';
import { parseExpr } from './expression-parser.js';
import type { ParserState } from './parser-state.js';
import { parseIdentList, parseQuery } from './query-parser.js';
import { parseDataType } from './type-parser.js';
import { requireVersion } from './versions.js';

function ifNotExists(p: ParserState): boolean {
  if (p.isKw('IF') && p.isKwAt(1, 'NOT')) {
    p.pos += 2;
    p.expectKw('EXISTS');
    return true;
  }
  return false;
}

export function ifExists(p: ParserState): boolean {
  if (p.isKw('IF') && p.isKwAt(1, 'EXISTS')) {
    p.pos += 2;
    return true;
  }
  return false;
}

/** COMMENT '…'; `join`: Flink reads it with StringLiteral() ('a' 'b' is one literal: column and catalog comments). */
function optComment(p: ParserState, join = false): StringLiteralNode | undefined {
  if (!p.acceptKw('COMMENT')) return undefined;
  if (join) p.joinStrings();
  return p.string();
}

/** ( 'key' = 'value', ... ) — keys and values must be string literals. */
export function parseProperties(p: ParserState): Property[] {
  const props: Property[] = [];
  const open = p.peek();
  if (!p.expectOp('(')) return props;
  if (p.isOp(')')) {
    p.next();
    return props;
  }
  for (;;) {
    p.joinStrings();
    const k = p.peek();
    const start = k.start;
    let key = '';
    if (k.kind === TokenKind.String) {
      p.next();
      key = k.value!;
    } else if (p.isIdent() || k.kind === TokenKind.Keyword) {
      // Flink wants quoted keys; name the key so the fix is obvious
      const name = p.qname();
      p.fail('sql.option-not-string', { text: p.text.slice(name.range.start, name.range.end) }, name.range.start, name.range.end);
      break;
    } else {
      p.unexpected('sql.expect.option');
      break;
    }
    const eq = p.peek();
    if (!(eq.kind === TokenKind.Operator && eq.value === '=')) {
      const first = p.firstJoinedPart(k);
      if (eq.kind === TokenKind.String) p.fail('sql.option-missing-equals', { key }, k.start, eq.end);
      else if (first !== undefined) p.fail('sql.option-missing-equals', { key: first.value ?? '' }, k.start, k.end);
      else p.unexpected("'='");
      break;
    }
    p.next();
    p.joinStrings();
    const v = p.peek();
    if (v.kind === TokenKind.String) {
      p.next();
      props.push({ kind: 'Property', key, keyRange: { start: k.start, end: k.end }, value: v.value!, valueRange: { start: v.start, end: v.end }, range: p.range(start) });
    } else if (v.kind === TokenKind.Operator && (v.value === ',' || v.value === ')')) {
      p.fail('sql.option-missing-value', { key }, k.start, eq.end);
      break;
    } else if (v.kind === TokenKind.Number || v.kind === TokenKind.Identifier || (v.kind === TokenKind.Keyword && (v.value === 'TRUE' || v.value === 'FALSE'))) {
      p.fail('sql.option-not-string', { text: p.found(v) }, v.start, v.end);
      break;
    } else {
      p.unexpected('sql.expect.option-value');
      break;
    }
    if (p.acceptOp(',')) continue;
    if (p.isString()) {
      const t = p.peek();
      p.fail('sql.missing-comma', { found: p.found(t) }, t.start, t.end);
    } else if (p.isOp('=')) {
      // 'k' = 'v' 'x' = 'y': the value swallowed the next key
      const last = p.joinedParts(p.toks[p.pos - 1]!).at(-1);
      if (last !== undefined) p.fail('sql.missing-comma', { found: p.found(last) }, last.start, last.end);
    }
    break;
  }
  p.expectClose(open);
  return props;
}

/** ('key1', 'key2') for RESET */
function parseKeyList(p: ParserState): StringLiteralNode[] {
  const keys: StringLiteralNode[] = [];
  const open = p.peek();
  if (!p.expectOp('(')) return keys;
  if (!p.isOp(')')) {
    do {
      p.joinStrings();
      keys.push(p.string());
    } while (p.acceptOp(',') && !p.failed);
  }
  p.expectClose(open);
  return keys;
}

function parseColumnConstraint(p: ParserState): ColumnConstraint | undefined {
  const start = p.start();
  let name: Identifier | undefined;
  if (p.isKw('CONSTRAINT')) {
    p.next();
    name = p.ident();
  }
  let type: 'PRIMARY KEY' | 'UNIQUE';
  if (p.isKw('PRIMARY')) {
    p.next();
    p.expectKw('KEY');
    type = 'PRIMARY KEY';
  } else if (p.acceptKw('UNIQUE')) type = 'UNIQUE';
  else {
    if (name) p.unexpected('PRIMARY KEY / UNIQUE');
    return undefined;
  }
  const enforced = parseEnforcement(p);
  // (no object spread on the common path: it is slow before the JIT has compiled the parser)
  return name ? { kind: 'ColumnConstraint', name, type, enforced, range: p.range(start) } : { kind: 'ColumnConstraint', type, enforced, range: p.range(start) };
}

function parseEnforcement(p: ParserState): boolean {
  if (p.isKw('NOT') && p.isKwAt(1, 'ENFORCED')) {
    p.pos += 2;
    return false;
  }
  return p.acceptKw('ENFORCED');
}

function atTableConstraint(p: ParserState): boolean {
  return p.isKw('CONSTRAINT') || p.isKw('PRIMARY') || p.isKw('UNIQUE');
}

function parseTableConstraint(p: ParserState): TableConstraint {
  const start = p.start();
  let name: Identifier | undefined;
  if (p.acceptKw('CONSTRAINT')) name = p.ident();
  let type: 'PRIMARY KEY' | 'UNIQUE' = 'UNIQUE';
  if (p.acceptKw('PRIMARY')) {
    p.expectKw('KEY');
    type = 'PRIMARY KEY';
  } else p.expectKw('UNIQUE');
  const columns = p.isOp('(') ? parseIdentList(p) : (p.unexpected("'('"), []);
  const enforced = parseEnforcement(p);
  return name ? { kind: 'TableConstraint', name, type, columns, enforced, range: p.range(start) } : { kind: 'TableConstraint', type, columns, enforced, range: p.range(start) };
}

function parseWatermark(p: ParserState): Watermark {
  const start = p.next().start;
  p.expectKw('FOR');
  const column = p.qname();
  p.expectKw('AS');
  const expr = parseExpr(p);
  return { kind: 'Watermark', column, expr, range: p.range(start) };
}

/** name TYPE ... | name AS expr | name TYPE METADATA [FROM 'k'] [VIRTUAL] */
function parseColumn(p: ParserState): Column {
  const start = p.start();
  const name = p.ident();
  if (p.acceptKw('AS')) {
    const expr = parseExpr(p);
    const comment = optComment(p, true);
    return comment ? { kind: 'ComputedColumn', name, expr, comment, range: p.range(start) } : { kind: 'ComputedColumn', name, expr, range: p.range(start) };
  }
  const type = parseDataType(p);
  if (type.kind === 'IntervalType' && !p.failed) p.fail('sql.not-allowed', { what: 'sql.construct.interval-column', instead: 'sql.construct.bigint-or-string' }, type.range.start, type.range.end);
  if (p.acceptKw('METADATA')) {
    let metadataKey: StringLiteralNode | undefined;
    if (p.acceptKw('FROM')) {
      p.joinStrings();
      metadataKey = p.string();
    }
    const virtual = p.acceptKw('VIRTUAL');
    const comment = optComment(p, true);
    return { kind: 'MetadataColumn', name, type, ...(metadataKey ? { metadataKey } : {}), virtual, ...(comment ? { comment } : {}), range: p.range(start) };
  }
  const constraint = parseColumnConstraint(p);
  const comment = optComment(p, true);
  if (!constraint && !comment) return { kind: 'PhysicalColumn', name, type, range: p.range(start) };
  return { kind: 'PhysicalColumn', name, type, ...(constraint ? { constraint } : {}), ...(comment ? { comment } : {}), range: p.range(start) };
}

interface Schema {
  columns: Column[];
  watermarks: Watermark[];
  constraints: TableConstraint[];
  positions: ColumnPosition[];
}

/** ( element, ... ) of CREATE TABLE and ALTER TABLE ADD/MODIFY. */
function parseSchema(p: ParserState, withPositions: boolean): Schema {
  const schema: Schema = { columns: [], watermarks: [], constraints: [], positions: [] };
  const open = p.next();
  if (p.isOp(')')) {
    p.next();
    return schema;
  }
  for (;;) {
    parseSchemaElement(p, schema, withPositions);
    if (p.failed) break;
    if (p.acceptOp(',')) continue;
    // the next element starts without a comma
    if (p.isIdent() || p.isKw('WATERMARK') || atTableConstraint(p)) {
      const t = p.peek();
      p.fail('sql.missing-comma', { found: p.found(t) }, t.start, t.end);
    }
    break;
  }
  p.expectClose(open);
  return schema;
}

function parseSchemaElement(p: ParserState, schema: Schema, withPositions: boolean): void {
  if (p.isKw('WATERMARK')) schema.watermarks.push(parseWatermark(p));
  else if (atTableConstraint(p)) schema.constraints.push(parseTableConstraint(p));
  else {
    const col = parseColumn(p);
    schema.columns.push(col);
    if (withPositions) {
      const ps = p.start();
      if (p.acceptKw('FIRST')) schema.positions.push({ kind: 'ColumnPosition', column: col.name, position: 'FIRST', range: p.range(ps) });
      else if (p.acceptKw('AFTER')) {
        const after = p.ident();
        schema.positions.push({ kind: 'ColumnPosition', column: col.name, position: 'AFTER', after, range: p.range(ps) });
      }
    }
  }
}

function parseDistribution(p: ParserState): Distribution {
  const start = p.start();
  const d: Distribution = { kind: 'Distribution', columns: [], range: { start, end: start } };
  if (p.acceptKw('BY')) {
    if (p.isKw('HASH') || p.isKw('RANGE')) d.algorithm = p.next().value!;
    d.columns = p.isOp('(') ? parseIdentList(p) : (p.unexpected("'('"), []);
  }
  if (p.acceptKw('INTO')) {
    const n = p.peek();
    if (n.kind === TokenKind.Number) {
      p.next();
      d.buckets = Number(n.value);
    } else p.unexpected('sql.expect.number');
    p.expectKw('BUCKETS');
  }
  d.range = p.range(start);
  return d;
}

const LIKE_FEATURES = new Set(['ALL', 'CONSTRAINTS', 'PARTITIONS', 'WATERMARKS', 'GENERATED', 'METADATA', 'OPTIONS', 'DISTRIBUTION']);

function parseLike(p: ParserState): TableLike {
  const start = p.next().start;
  const source = p.qname();
  const options: LikeOption[] = [];
  if (p.isOp('(')) {
    const open = p.next();
    while (!p.failed && !p.isOp(')') && !p.atEnd()) {
      const os = p.start();
      const s = p.peek();
      if (!(s.kind === TokenKind.Keyword && (s.value === 'INCLUDING' || s.value === 'EXCLUDING' || s.value === 'OVERWRITING'))) {
        p.unexpected('INCLUDING / EXCLUDING / OVERWRITING');
        break;
      }
      p.next();
      const f = p.peek();
      if (!(f.kind === TokenKind.Keyword && LIKE_FEATURES.has(f.value!))) {
        p.unexpected('ALL / CONSTRAINTS / PARTITIONS / WATERMARKS / GENERATED / METADATA / OPTIONS');
        break;
      }
      p.next();
      options.push({ kind: 'LikeOption', strategy: s.value!, feature: f.value!, range: p.range(os) });
      p.acceptOp(',');
    }
    p.expectClose(open);
  }
  return { kind: 'TableLike', source, options, range: p.range(start) };
}

/** CREATE [OR REPLACE] [TEMPORARY] TABLE ... and REPLACE TABLE ... AS */
export function parseCreateTable(p: ParserState, start: number, orReplace: boolean, temporary: boolean, replaceOnly: boolean): Statement {
  const ine = ifNotExists(p);
  const name = p.qname();
  const schema: Schema = p.isOp('(') ? parseSchema(p, false) : { columns: [], watermarks: [], constraints: [], positions: [] };
  const comment = optComment(p);
  let distribution: Distribution | undefined;
  if (p.isKw('DISTRIBUTED')) {
    const ds = p.next().start;
    distribution = parseDistribution(p);
    requireVersion(p, 'DISTRIBUTED BY', ds, p.prevEnd());
  }
  let partitionedBy: Identifier[] = [];
  if (p.acceptKw('PARTITIONED')) {
    p.expectKw('BY');
    partitionedBy = p.isOp('(') ? parseIdentList(p) : (p.unexpected("'('"), []);
  }
  const options = p.isKw('WITH') ? (p.next(), parseProperties(p)) : [];
  if (!comment && !distribution && !orReplace && !replaceOnly && !p.isKw('AS') && !p.isKw('LIKE')) {
    // the common CREATE TABLE, built without object spread (slow before the JIT compiles this)
    return { kind: 'CreateTable', orReplace, temporary, ifNotExists: ine, name, columns: schema.columns, watermarks: schema.watermarks, constraints: schema.constraints, partitionedBy, options, range: p.range(start) };
  }
  const base = { orReplace, temporary, ifNotExists: ine, name, columns: schema.columns, watermarks: schema.watermarks, constraints: schema.constraints, ...(comment ? { comment } : {}), ...(distribution ? { distribution } : {}), partitionedBy, options };
  if (p.isKw('AS')) {
    const as = p.next();
    const query = parseQuery(p);
    const replace = orReplace || replaceOnly;
    if (replace) requireVersion(p, 'REPLACE TABLE AS', start, as.end);
    else requireVersion(p, 'CREATE TABLE AS', start, as.end);
    const node: CreateTableAs = { kind: 'CreateTableAs', replace, ...base, query, range: p.range(start) };
    return node;
  }
  if (replaceOnly) {
    p.unexpected('AS');
    return { kind: 'CreateTableAs', replace: true, ...base, query: { kind: 'Values', rows: [], range: { start, end: start } }, range: p.range(start) };
  }
  const like = p.isKw('LIKE') ? parseLike(p) : undefined;
  const node: CreateTable = { kind: 'CreateTable', ...base, ...(like ? { like } : {}), range: p.range(start) };
  return node;
}

/** A materialized table's FRESHNESS: Flink takes only an INTERVAL literal. */
function parseFreshness(p: ParserState): Expression {
  const t = p.peek();
  const e = parseExpr(p);
  if (!p.failed && e.kind !== 'IntervalLiteral') p.fail('sql.not-allowed', { what: 'FRESHNESS = ' + p.text.slice(e.range.start, e.range.end), instead: "FRESHNESS = INTERVAL '1' HOUR" }, t.start, p.prevEnd());
  return e;
}

export function parseCreate(p: ParserState): Statement {
  const start = p.next().start;
  let orReplace = false;
  let orAlter = false;
  if (p.isKw('OR') && p.isKwAt(1, 'REPLACE')) {
    p.pos += 2;
    orReplace = true;
  } else if (p.isKw('OR') && p.isKwAt(1, 'ALTER')) {
    p.pos += 2;
    orAlter = true;
  }
  const temporary = p.acceptKw('TEMPORARY');
  const system = temporary && p.acceptKw('SYSTEM');
  const t = p.peek();
  // SYSTEM belongs to temporary functions only
  if (system && !(t.kind === TokenKind.Keyword && t.value === 'FUNCTION')) p.unexpected('FUNCTION');
  switch (t.kind === TokenKind.Keyword ? t.value : '') {
    case 'TABLE':
      p.next();
      return parseCreateTable(p, start, orReplace, temporary, false);
    case 'VIEW': {
      p.next();
      const ine = ifNotExists(p);
      const name = p.qname();
      const columns = p.isOp('(') ? parseIdentList(p) : undefined;
      const comment = optComment(p);
      p.expectKw('AS');
      const query = parseQuery(p);
      return { kind: 'CreateView', orReplace, temporary, ifNotExists: ine, name, ...(columns ? { columns } : {}), ...(comment ? { comment } : {}), query, range: p.range(start) };
    }
    case 'FUNCTION': {
      p.next();
      const ine = ifNotExists(p);
      const name = p.qname();
      p.expectKw('AS');
      const className = p.string();
      let language: string | undefined;
      if (p.acceptKw('LANGUAGE')) {
        const l = p.peek();
        if (l.kind === TokenKind.Keyword && (l.value === 'JAVA' || l.value === 'SCALA' || l.value === 'PYTHON' || l.value === 'SQL')) {
          p.next();
          language = l.value;
        } else p.unexpected('JAVA / SCALA / PYTHON');
      }
      const using: FunctionResource[] = [];
      if (p.acceptKw('USING')) {
        do {
          const rs = p.start();
          const r = p.peek();
          if (r.kind === TokenKind.Keyword && (r.value === 'JAR' || r.value === 'FILE' || r.value === 'ARCHIVE')) p.next();
          else {
            p.unexpected('JAR');
            break;
          }
          const uri = p.string();
          using.push({ kind: 'FunctionResource', type: r.value as 'JAR', uri, range: p.range(rs) });
        } while (p.acceptOp(',') && !p.failed);
      }
      return { kind: 'CreateFunction', orReplace, temporary, system, ifNotExists: ine, name, className, ...(language ? { language } : {}), using, range: p.range(start) };
    }
    case 'CATALOG': {
      p.next();
      const ine = ifNotExists(p);
      const name = p.simpleName('sql.what.catalog');
      const comment = optComment(p, true);
      if (comment) requireVersion(p, 'CREATE CATALOG COMMENT', comment.range.start, comment.range.end);
      const options = p.acceptKw('WITH') ? parseProperties(p) : [];
      return { kind: 'CreateCatalog', orReplace, temporary, ifNotExists: ine, name, ...(comment ? { comment } : {}), options, range: p.range(start) };
    }
    case 'DATABASE': {
      p.next();
      const ine = ifNotExists(p);
      const name = p.qname();
      const comment = optComment(p);
      const options = p.isKw('WITH') ? (p.next(), parseProperties(p)) : [];
      return { kind: 'CreateDatabase', orReplace, temporary, ifNotExists: ine, name, ...(comment ? { comment } : {}), options, range: p.range(start) };
    }
    case 'MATERIALIZED': {
      p.next();
      p.expectKw('TABLE');
      requireVersion(p, 'MATERIALIZED TABLE', start, p.prevEnd());
      if (orAlter) requireVersion(p, 'CREATE OR ALTER MATERIALIZED TABLE', start, p.prevEnd());
      const ine = ifNotExists(p);
      const name = p.qname();
      const constraints: TableConstraint[] = [];
      if (p.isOp('(')) {
        const schema = parseSchema(p, false);
        constraints.push(...schema.constraints);
      }
      const comment = optComment(p);
      let distribution: Distribution | undefined;
      if (p.acceptKw('DISTRIBUTED')) distribution = parseDistribution(p);
      let partitionedBy: Identifier[] = [];
      if (p.acceptKw('PARTITIONED')) {
        p.expectKw('BY');
        partitionedBy = p.isOp('(') ? parseIdentList(p) : (p.unexpected("'('"), []);
      }
      const options = p.isKw('WITH') ? (p.next(), parseProperties(p)) : [];
      let freshness: Expression | undefined;
      if (p.acceptKw('FRESHNESS')) {
        p.expectOp('=');
        freshness = parseFreshness(p);
      } else if ((p.isKw('AS') || p.isKw('REFRESH_MODE')) && p.version <= 120) p.unexpected('FRESHNESS'); // required in 1.20
      let refreshMode: string | undefined;
      if (p.acceptKw('REFRESH_MODE')) {
        p.expectOp('=');
        const m = p.peek();
        if ((m.kind === TokenKind.Keyword && (m.value === 'FULL' || m.value === 'CONTINUOUS'))) {
          p.next();
          refreshMode = m.value;
        } else p.unexpected('FULL / CONTINUOUS');
      }
      p.expectKw('AS');
      const query = parseQuery(p);
      return { kind: 'CreateMaterializedTable', orReplace, temporary, ifNotExists: ine, name, constraints, ...(comment ? { comment } : {}), ...(distribution ? { distribution } : {}), partitionedBy, options, ...(freshness ? { freshness } : {}), ...(refreshMode ? { refreshMode } : {}), query, range: p.range(start) };
    }
    default:
      p.unexpected('TABLE / VIEW / FUNCTION / CATALOG / DATABASE / MATERIALIZED TABLE');
      return { kind: 'Unknown', range: p.range(start) };
  }
}

export function parsePartitionSpec(p: ParserState): PartitionSpec {
  const start = p.next().start; // PARTITION
  const spec: PartitionSpec = { kind: 'PartitionSpec', entries: [], range: { start, end: start } };
  const open = p.peek();
  if (!p.expectOp('(')) return spec;
  do {
    const es = p.start();
    const key = p.ident();
    let value: Expression | undefined;
    if (p.acceptOp('=')) value = parseExpr(p);
    spec.entries.push({ key, ...(value ? { value } : {}), range: p.range(es) });
  } while (p.acceptOp(',') && !p.failed);
  p.expectClose(open);
  spec.range = p.range(start);
  return spec;
}

export function parseAlter(p: ParserState): Statement {
  const start = p.next().start;
  const t = p.peek();
  const what = t.kind === TokenKind.Keyword ? t.value : '';
  if (what === 'TABLE') {
    p.next();
    return parseAlterTable(p, start);
  }
  if (what === 'VIEW') {
    p.next();
    const name = p.qname();
    if (p.acceptKw('RENAME')) {
      p.expectKw('TO');
      const newName = p.qname();
      return { kind: 'AlterView', name, newName, range: p.range(start) };
    }
    if (p.acceptKw('AS')) {
      const query = parseQuery(p);
      return { kind: 'AlterView', name, query, range: p.range(start) };
    }
    p.unexpected('RENAME TO / AS');
    return { kind: 'AlterView', name, range: p.range(start) };
  }
  if (what === 'FUNCTION' || what === 'TEMPORARY') {
    const temporary = p.acceptKw('TEMPORARY');
    const system = temporary && p.acceptKw('SYSTEM');
    p.expectKw('FUNCTION');
    const ie = ifExists(p);
    const name = p.qname();
    p.expectKw('AS');
    const className = p.string();
    let language: string | undefined;
    if (p.acceptKw('LANGUAGE')) {
      const l = p.peek();
      if (l.kind === TokenKind.EOF || (l.kind === TokenKind.Operator && l.value === ';')) p.unexpected('JAVA / SCALA / PYTHON');
      else p.next();
      language = l.value ?? '';
    }
    return { kind: 'AlterFunction', temporary, system, ifExists: ie, name, className, ...(language ? { language } : {}), range: p.range(start) };
  }
  if (what === 'CATALOG') {
    p.next();
    const name = p.ident();
    if (p.acceptKw('SET')) {
      const options = parseProperties(p);
      requireVersion(p, 'ALTER CATALOG', start, p.prevEnd());
      return { kind: 'AlterCatalog', name, action: { type: 'SET', options }, range: p.range(start) };
    }
    if (p.acceptKw('RESET')) {
      const keys = parseKeyList(p);
      requireVersion(p, 'ALTER CATALOG', start, p.prevEnd());
      return { kind: 'AlterCatalog', name, action: { type: 'RESET', keys }, range: p.range(start) };
    }
    if (p.acceptKw('COMMENT')) {
      const comment = p.string();
      requireVersion(p, 'ALTER CATALOG', start, p.prevEnd());
      return { kind: 'AlterCatalog', name, action: { type: 'COMMENT', comment }, range: p.range(start) };
    }
    p.unexpected('SET / RESET / COMMENT');
    return { kind: 'Unknown', range: p.range(start) };
  }
  if (what === 'DATABASE') {
    p.next();
    const name = p.qname();
    p.expectKw('SET');
    const options = parseProperties(p);
    return { kind: 'AlterDatabase', name, options, range: p.range(start) };
  }
  if (what === 'MATERIALIZED') {
    p.next();
    p.expectKw('TABLE');
    requireVersion(p, 'MATERIALIZED TABLE', start, p.prevEnd());
    const name = p.qname();
    const a = p.peek();
    let action = '';
    let options: Property[] = [];
    let partition: PartitionSpec | undefined;
    let query;
    if (p.acceptKw('SUSPEND')) action = 'SUSPEND';
    else if (p.acceptKw('RESUME')) {
      action = 'RESUME';
      if (p.acceptKw('WITH')) options = parseProperties(p);
    } else if (p.acceptKw('REFRESH')) {
      action = 'REFRESH';
      if (p.isKw('PARTITION')) partition = parsePartitionSpec(p);
    } else if (p.acceptKw('AS')) {
      action = 'AS';
      query = parseQuery(p);
    } else if (p.acceptKw('SET')) {
      action = 'SET';
      if (p.acceptKw('FRESHNESS')) {
        p.expectOp('=');
        parseFreshness(p);
        action = 'SET FRESHNESS';
      } else if (p.acceptKw('REFRESH_MODE')) {
        p.expectOp('=');
        p.next();
        action = 'SET REFRESH_MODE';
      } else options = parseProperties(p);
    } else if (p.acceptKw('RESET')) {
      action = 'RESET';
      parseKeyList(p);
    } else p.unexpected('SUSPEND / RESUME / REFRESH / SET / RESET');
    void a;
    return { kind: 'AlterMaterializedTable', name, action, options, ...(partition ? { partition } : {}), ...(query ? { query } : {}), range: p.range(start) };
  }
  p.unexpected('TABLE / VIEW / FUNCTION / CATALOG / DATABASE / MATERIALIZED TABLE');
  return { kind: 'Unknown', range: p.range(start) };
}

function parseAlterTable(p: ParserState, start: number): AlterTable {
  const ie = ifExists(p);
  const name = p.qname();
  const node = (action: AlterTable['action']): AlterTable => ({ kind: 'AlterTable', ifExists: ie, name, action, range: p.range(start) });
  const t = p.peek();
  const word = t.kind === TokenKind.Keyword ? t.value : '';
  switch (word) {
    case 'RENAME': {
      p.next();
      if (p.acceptKw('TO')) return node({ type: 'RENAME', newName: p.qname() });
      const column = p.qname();
      p.expectKw('TO');
      const newName = p.ident();
      requireVersion(p, 'sql.feature.rename-column', t.start, p.prevEnd());
      return node({ type: 'RENAME_COLUMN', column, newName });
    }
    case 'SET':
      p.next();
      return node({ type: 'SET', options: parseProperties(p) });
    case 'RESET':
      p.next();
      return node({ type: 'RESET', keys: parseKeyList(p) });
    case 'ADD':
    case 'MODIFY': {
      p.next();
      if (word === 'ADD' && (p.isKw('PARTITION') || (p.isKw('IF') && p.isKwAt(1, 'NOT')))) {
        const ine = ifNotExists(p);
        const partitions: PartitionSpec[] = [];
        while (p.isKw('PARTITION') && !p.failed) {
          const spec = parsePartitionSpec(p);
          if (p.acceptKw('WITH')) spec.options = parseProperties(p);
          partitions.push(spec);
        }
        return node({ type: 'ADD_PARTITIONS', ifNotExists: ine, partitions });
      }
      if (p.isKw('DISTRIBUTION')) {
        p.next();
        // ADD DISTRIBUTION BY HASH(a) INTO n BUCKETS (no DISTRIBUTED here, unlike CREATE TABLE)
        const distribution = parseDistribution(p);
        return node({ type: word === 'ADD' ? 'ADD_DISTRIBUTION' : 'MODIFY_DISTRIBUTION', distribution });
      }
      requireVersion(p, 'ALTER TABLE ' + word, t.start, t.end);
      let schema: Schema;
      if (p.isOp('(')) schema = parseSchema(p, true);
      else {
        schema = { columns: [], watermarks: [], constraints: [], positions: [] };
        parseSchemaElement(p, schema, true);
      }
      return node({ type: word, columns: schema.columns, watermarks: schema.watermarks, constraints: schema.constraints, positions: schema.positions });
    }
    case 'DROP': {
      p.next();
      if (p.isKw('PARTITION') || (p.isKw('IF') && p.isKwAt(1, 'EXISTS'))) {
        const ie2 = ifExists(p);
        const partitions: PartitionSpec[] = [];
        do {
          if (!p.isKw('PARTITION')) {
            p.unexpected('PARTITION');
            break;
          }
          partitions.push(parsePartitionSpec(p));
        } while (p.acceptOp(',') && !p.failed);
        return node({ type: 'DROP_PARTITIONS', ifExists: ie2, partitions });
      }
      if (p.acceptKw('DISTRIBUTION')) return node({ type: 'DROP_DISTRIBUTION' });
      requireVersion(p, 'ALTER TABLE DROP', t.start, t.end);
      if (p.acceptKw('PRIMARY')) {
        p.expectKw('KEY');
        return node({ type: 'DROP_PRIMARY_KEY' });
      }
      if (p.acceptKw('WATERMARK')) return node({ type: 'DROP_WATERMARK' });
      if (p.acceptKw('CONSTRAINT')) return node({ type: 'DROP_CONSTRAINT', constraint: p.ident() });
      const columns: QualifiedName[] = [];
      if (p.isOp('(')) {
        const open = p.next();
        do columns.push(p.qname());
        while (p.acceptOp(',') && !p.failed);
        p.expectClose(open);
      } else columns.push(p.qname());
      return node({ type: 'DROP_COLUMNS', columns });
    }
    case 'COMPACT':
      p.next();
      return node({ type: 'COMPACT' });
    default:
      if (word === 'PARTITION') {
        const partition = parsePartitionSpec(p);
        p.expectKw('COMPACT');
        return node({ type: 'COMPACT', partition });
      }
      p.unexpected('RENAME / SET / RESET / ADD / MODIFY / DROP');
      return node({ type: 'COMPACT' });
  }
}

export function parseDrop(p: ParserState): Statement {
  const start = p.next().start;
  const temporary = p.acceptKw('TEMPORARY');
  const system = temporary && p.acceptKw('SYSTEM');
  const t = p.peek();
  let object = t.kind === TokenKind.Keyword ? t.value! : '';
  if (object === 'MATERIALIZED') {
    p.next();
    p.expectKw('TABLE');
    object = 'MATERIALIZED TABLE';
    requireVersion(p, 'MATERIALIZED TABLE', start, p.prevEnd());
  } else if (object === 'TABLE' || object === 'VIEW' || object === 'FUNCTION' || object === 'CATALOG' || object === 'DATABASE' || object === 'MODEL') p.next();
  else {
    p.unexpected('TABLE / VIEW / FUNCTION / CATALOG / DATABASE');
    return { kind: 'Unknown', range: p.range(start) };
  }
  const ie = ifExists(p);
  const name = object === 'CATALOG' ? p.simpleName('sql.what.catalog') : p.qname();
  let behavior: 'RESTRICT' | 'CASCADE' | undefined;
  if (object === 'DATABASE') {
    if (p.acceptKw('RESTRICT')) behavior = 'RESTRICT';
    else if (p.acceptKw('CASCADE')) behavior = 'CASCADE';
  }
  return { kind: 'Drop', object, temporary, system, ifExists: ie, name, ...(behavior ? { behavior } : {}), range: p.range(start) };
}

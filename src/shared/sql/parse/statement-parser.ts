import type { Expression } from '../ast/expression.js';
import type { Identifier, QualifiedName, StringLiteralNode } from '../ast/node.js';
import type { Statement, StatementSet } from '../ast/statement.js';
import { TokenKind } from '../lex/token.js';
import { parseAlter, parseCreate, parseCreateTable, parseDrop, parsePartitionSpec, parseProperties } from './ddl-parser.js';
import { parseExpr } from './expression-parser.js';
import type { ParserState } from './parser-state.js';
import { looksLikeQuery, parseHints, parseIdentList, parseQuery } from './query-parser.js';
import { parseDataType } from './type-parser.js';
import { requireVersion } from './versions.js';

/** Parses one statement at the cursor; never throws, returns an Unknown node on garbage. */
export function parseStatementAt(p: ParserState): Statement {
  const t = p.peek();
  const start = t.start;
  if (t.kind === TokenKind.Keyword) {
    switch (t.value) {
      case 'SELECT':
      case 'WITH':
      case 'VALUES':
      case 'TABLE':
        return queryStatement(p);
      case 'INSERT':
      case 'UPSERT':
        return parseInsert(p);
      case 'CREATE':
        return parseCreate(p);
      case 'REPLACE':
        if (p.isKwAt(1, 'TABLE')) {
          p.pos += 2;
          return parseCreateTable(p, start, false, false, true);
        }
        break;
      case 'ALTER':
        return parseAlter(p);
      case 'DROP':
        return parseDrop(p);
      case 'BEGIN':
        return parseBegin(p);
      case 'END':
        p.next();
        p.report('sql.end-without-begin', {}, start, t.end, 'warning');
        return { kind: 'EndStatementSet', range: p.range(start) };
      case 'EXECUTE':
        return parseExecute(p);
      case 'EXPLAIN':
        return parseExplain(p);
      case 'SET':
        return parseSet(p);
      case 'RESET':
        return parseReset(p);
      case 'ADD':
      case 'REMOVE': {
        p.next();
        p.expectKw('JAR');
        const path = p.string();
        return { kind: t.value === 'ADD' ? 'AddJar' : 'RemoveJar', path, range: p.range(start) };
      }
      case 'SHOW':
        return parseShow(p);
      case 'DESCRIBE':
      case 'DESC':
        return parseDescribe(p);
      case 'USE':
        return parseUse(p);
      case 'LOAD': {
        p.next();
        p.expectKw('MODULE');
        const name = p.ident();
        const options = p.isKw('WITH') ? (p.next(), parseProperties(p)) : [];
        return { kind: 'LoadModule', name, options, range: p.range(start) };
      }
      case 'UNLOAD': {
        p.next();
        p.expectKw('MODULE');
        const name = p.ident();
        return { kind: 'UnloadModule', name, range: p.range(start) };
      }
      case 'CALL': {
        p.next();
        const procedure = p.qname();
        const open = p.peek();
        const args: Expression[] = [];
        if (p.expectOp('(')) {
          if (!p.isOp(')')) {
            do args.push(parseCallArg(p));
            while (p.acceptOp(',') && !p.failed);
          }
          p.expectClose(open);
        }
        requireVersion(p, 'CALL', start, t.end);
        return { kind: 'Call', procedure, args, range: p.range(start) };
      }
      case 'STOP': {
        p.next();
        p.expectKw('JOB');
        const jobId = p.string();
        let withSavepoint = false;
        let withDrain = false;
        while (p.isKw('WITH') && !p.failed) {
          p.next();
          if (p.acceptKw('SAVEPOINT')) withSavepoint = true;
          else if (p.isKw('DRAIN')) {
            const d = p.next();
            if (!withSavepoint) p.fail('sql.not-allowed', { what: 'sql.construct.drain-without-savepoint', instead: 'WITH SAVEPOINT WITH DRAIN' }, d.start, d.end);
            withDrain = true;
          }
          else p.unexpected('SAVEPOINT / DRAIN');
        }
        requireVersion(p, 'STOP JOB', start, p.prevEnd());
        return { kind: 'StopJob', jobId, withSavepoint, withDrain, range: p.range(start) };
      }
      case 'TRUNCATE': {
        p.next();
        p.expectKw('TABLE');
        const table = p.qname();
        requireVersion(p, 'TRUNCATE TABLE', start, p.prevEnd());
        return { kind: 'Truncate', table, range: p.range(start) };
      }
      case 'ANALYZE':
        return parseAnalyze(p);
      case 'DELETE': {
        p.next();
        p.expectKw('FROM');
        const table = p.qname();
        let alias: Identifier | undefined;
        if (p.acceptKw('AS')) alias = p.ident();
        else if (p.isIdent()) alias = p.ident();
        const where = p.acceptKw('WHERE') ? parseExpr(p) : undefined;
        requireVersion(p, 'DELETE', start, t.end);
        return { kind: 'Delete', table, ...(alias ? { alias } : {}), ...(where ? { where } : {}), range: p.range(start) };
      }
      case 'UPDATE': {
        p.next();
        const table = p.qname();
        let alias: Identifier | undefined;
        if (p.acceptKw('AS')) alias = p.ident();
        else if (p.isIdent()) alias = p.ident();
        p.expectKw('SET');
        const assignments: { column: QualifiedName; value: Expression; range: { start: number; end: number } }[] = [];
        do {
          const as = p.start();
          const column = p.qname();
          p.expectOp('=');
          const value = parseExpr(p);
          assignments.push({ column, value, range: p.range(as) });
        } while (p.acceptOp(',') && !p.failed);
        const where = p.acceptKw('WHERE') ? parseExpr(p) : undefined;
        requireVersion(p, 'UPDATE', start, t.end);
        return { kind: 'Update', table, ...(alias ? { alias } : {}), assignments, ...(where ? { where } : {}), range: p.range(start) };
      }
      case 'COMPILE':
        return parseCompile(p);
    }
  }
  if (p.isOp('(') && looksLikeQuery(p, 0)) return queryStatement(p);
  const tok = p.peek();
  if (tok.kind === TokenKind.EOF) return { kind: 'Unknown', range: { start, end: start } };
  // HELP / CLEAR / QUIT / EXIT alone: SQL client commands
  const word = p.text.slice(tok.start, tok.end).toUpperCase();
  if ((word === 'HELP' || word === 'CLEAR' || word === 'QUIT' || word === 'EXIT') && (tok.kind === TokenKind.Keyword || tok.kind === TokenKind.Identifier) && endsAt(p, 1)) {
    p.next();
    return { kind: 'ClientCommand', command: word, range: p.range(start) };
  }
  if (tok.kind === TokenKind.Keyword || tok.kind === TokenKind.Identifier) p.fail('sql.unknown-statement', { found: p.found(tok) }, tok.start, tok.end);
  else p.expected('statement');
  return { kind: 'Unknown', range: { start, end: tok.end } };
}

function queryStatement(p: ParserState): Statement {
  const start = p.start();
  const query = parseQuery(p);
  return { kind: 'Query', query, range: p.range(start) };
}

function parseCallArg(p: ParserState): Expression {
  const start = p.start();
  if (p.isOpAt(1, '=>')) {
    const name = p.ident();
    p.next();
    const value = parseExpr(p);
    requireVersion(p, 'sql.feature.named-arguments', start, value.range.end);
    return { kind: 'NamedArgument', name, value, range: p.range(start) };
  }
  return parseExpr(p);
}

/** INSERT's column list; a column may carry a type (Calcite's extended columns: `(name ts)`, `(a INT NOT NULL)`). */
function parseInsertColumns(p: ParserState, partitioned: boolean): Identifier[] {
  const open = p.peek();
  if (p.isOpAt(1, ')')) return parseIdentList(p);
  p.next();
  const list: Identifier[] = [];
  for (;;) {
    list.push(p.ident());
    if (p.failed) break;
    if (!p.isOp(',') && !p.isOp(')') && !p.atEnd()) {
      const ts = p.peek();
      parseDataType(p);
      if (partitioned && !p.failed) p.fail('sql.not-allowed', { what: 'sql.construct.insert-column-type', instead: 'sql.construct.column-names-only' }, ts.start, p.prevEnd());
      if (p.isKw('NOT') && p.isKwAt(1, 'NULL')) p.pos += 2;
    }
    if (p.failed || !p.acceptOp(',')) break;
  }
  p.expectClose(open);
  return list;
}

function parseInsert(p: ParserState): Statement {
  const start = p.start();
  const verb = p.next().value as 'INSERT' | 'UPSERT';
  let overwrite = false;
  if (p.acceptKw('OVERWRITE')) overwrite = true;
  else p.expectKw('INTO');
  const target = p.qname();
  const hints = p.peek().kind === TokenKind.HintComment ? parseHints(p) : [];
  const partition = p.isKw('PARTITION') ? parsePartitionSpec(p) : undefined;
  const columns = p.isOp('(') && !looksLikeQuery(p, 1) ? parseInsertColumns(p, partition !== undefined) : undefined;
  const query = parseQuery(p);
  return { kind: 'Insert', verb, overwrite, target, hints, ...(partition ? { partition } : {}), ...(columns ? { columns } : {}), query, range: p.range(start) };
}

/** BEGIN STATEMENT SET; stmt; ... END[;] — or, alone, the SQL client's interactive BEGIN STATEMENT SET. */
function parseBegin(p: ParserState): Statement {
  const start = p.next().start;
  p.expectKws('STATEMENT', 'SET');
  const headerEnd = p.prevEnd();
  if (p.failed) return { kind: 'Unknown', range: p.range(start) };
  const semi = p.acceptOp(';');
  if (p.atEnd()) {
    p.report('sql.statement-set-unclosed', {}, start, headerEnd, 'warning');
    return { kind: 'BeginStatementSet', range: p.range(start) };
  }
  if (!semi) {
    p.unexpected("';'");
    return { kind: 'BeginStatementSet', range: p.range(start) };
  }
  return parseSetBody(p, start, 'BEGIN', start, headerEnd);
}

/** Statements up to END; each must be an INSERT (or CTAS/RTAS). */
function parseSetBody(p: ParserState, start: number, form: StatementSet['form'], headStart: number, headEnd: number): StatementSet {
  const statements: Statement[] = [];
  let ended = false;
  const outer = p.inSet;
  p.inSet = true;
  while (!p.atEnd()) {
    if (p.isKw('END')) {
      p.next();
      ended = true;
      break;
    }
    const before = p.pos;
    const s = p.start();
    const stmt = parseStatementAt(p);
    if (!p.failed && stmt.kind !== 'Insert' && stmt.kind !== 'CreateTableAs' && stmt.kind !== 'Unknown') {
      p.report('sql.statement-set-only-insert', {}, stmt.range.start, stmt.range.end);
    }
    statements.push(stmt);
    // each statement ends with ';' (the last one may end at END)
    if (p.failed) {
      p.resume();
      if (p.pos === before) p.next();
      while (!p.atEnd() && !p.isOp(';') && !p.isKw('END')) p.next();
    } else if (!p.isOp(';') && !(p.isKw('END') && form !== 'STATEMENT SET') && !p.atEnd()) {
      // inside STATEMENT SET BEGIN ... END every statement ends with ';', the last one too
      p.unexpected("';'");
      p.resume();
      while (!p.atEnd() && !p.isOp(';') && !p.isKw('END')) p.next();
    }
    p.acceptOp(';');
    if (p.pos === before) p.next();
    void s;
  }
  p.inSet = outer;
  if (!ended) p.report('sql.statement-set-unclosed', {}, headStart, headEnd);
  else if (statements.length === 0 && form !== 'BEGIN') p.fail('sql.statement-set-empty', {}, headStart, p.prevEnd());
  return { kind: 'StatementSet', form, statements, ended, range: p.range(start) };
}

/** STATEMENT SET BEGIN ... END (after EXECUTE / EXPLAIN). */
function parseInlineSet(p: ParserState): StatementSet {
  const start = p.start();
  p.expectKws('STATEMENT', 'SET', 'BEGIN');
  const headEnd = p.prevEnd();
  if (p.failed) return { kind: 'StatementSet', form: 'STATEMENT SET', statements: [], ended: false, range: p.range(start) };
  if (p.isKw('END')) {
    // Flink: Encountered "END" ... Was expecting one of: "INSERT" ...
    const t = p.peek();
    p.fail('sql.statement-set-empty', {}, t.start, t.end);
    p.next();
    return { kind: 'StatementSet', form: 'STATEMENT SET', statements: [], ended: true, range: p.range(start) };
  }
  return parseSetBody(p, start, 'STATEMENT SET', start, headEnd);
}

function parseExecute(p: ParserState): Statement {
  const start = p.next().start;
  if (p.isKw('STATEMENT')) return { kind: 'Execute', statement: parseInlineSet(p), range: p.range(start) };
  if (p.acceptKw('PLAN')) {
    p.joinStrings();
    const planFile = p.string();
    return { kind: 'Execute', planFile, range: p.range(start) };
  }
  if (p.isKw('INSERT') || p.isKw('UPSERT')) return { kind: 'Execute', statement: parseInsert(p), range: p.range(start) };
  if (looksLikeQuery(p, 0)) return { kind: 'Execute', statement: queryStatement(p), range: p.range(start) };
  p.unexpected('STATEMENT SET / INSERT / SELECT / PLAN');
  return { kind: 'Execute', range: p.range(start) };
}

const EXPLAIN_DETAILS = new Set(['ESTIMATED_COST', 'CHANGELOG_MODE', 'PLAN_ADVICE', 'JSON_EXECUTION_PLAN']);

function parseExplain(p: ParserState): Statement {
  const start = p.next().start;
  const details: string[] = [];
  if (p.isKw('PLAN') && p.isKwAt(1, 'FOR')) p.pos += 2;
  else {
    for (;;) {
      const t = p.peek();
      if (t.kind !== TokenKind.Keyword || !EXPLAIN_DETAILS.has(t.value!)) break;
      p.next();
      details.push(t.value!);
      if (t.value === 'PLAN_ADVICE') requireVersion(p, 'EXPLAIN PLAN_ADVICE', t.start, t.end);
      if (!p.acceptOp(',')) break;
    }
    if (p.acceptKw('EXTENDED')) details.push('EXTENDED');
  }
  let statement: Statement;
  if (p.isKw('STATEMENT')) statement = parseInlineSet(p);
  else if (p.isKw('EXECUTE') && p.version > 120) statement = parseExecute(p); // Flink 1.20: EXPLAIN STATEMENT SET, never EXPLAIN EXECUTE
  else if (p.isKw('INSERT') || p.isKw('UPSERT')) statement = parseInsert(p);
  else if (p.isKw('CREATE') || p.isKw('REPLACE')) statement = parseStatementAt(p);
  else if (looksLikeQuery(p, 0)) statement = queryStatement(p);
  else {
    p.unexpected('SELECT / INSERT / STATEMENT SET');
    statement = { kind: 'Unknown', range: p.range(p.start()) };
  }
  return { kind: 'Explain', details, statement, range: p.range(start) };
}

function parseCompile(p: ParserState): Statement {
  const start = p.next().start;
  const execute = p.acceptKw('AND');
  if (execute) p.expectKw('EXECUTE');
  p.expectKw('PLAN');
  p.joinStrings();
  const planFile = p.string();
  let ine = false;
  if (p.isKw('IF') && p.isKwAt(1, 'NOT')) {
    p.pos += 2;
    p.expectKw('EXISTS');
    ine = true;
  }
  p.expectKw('FOR');
  const statement: Statement = p.isKw('STATEMENT') ? parseInlineSet(p) : parseInsert(p);
  return { kind: 'CompilePlan', execute, planFile, ifNotExists: ine, statement, range: p.range(start) };
}

/**
 * SET; | SET 'key' = 'value' | SET key = value. Flink's client and gateway accept unquoted keys
 * and values by pattern (`SET table.exec.mini-batch.enabled = true`), so an unquoted key or value
 * is any run of characters without blanks, quotes or ';'.
 */
function parseSet(p: ParserState): Statement {
  const start = p.next().start;
  if (p.atEnd() || p.isOp(';')) return { kind: 'Set', range: p.range(start) };
  p.joinStrings();
  const k = p.peek();
  let key: string;
  let keyQuoted = true;
  if (k.kind === TokenKind.String) {
    p.next();
    key = k.value!;
  } else if (k.kind === TokenKind.Operator && k.value === '=') {
    p.expected('identifier');
    return { kind: 'Set', range: p.range(start) };
  } else {
    keyQuoted = false;
    key = rawRun(p, true);
  }
  const keyRange = { start: k.start, end: p.prevEnd() };
  if (!p.isOp('=')) {
    const first = keyQuoted ? p.firstJoinedPart(k) : undefined;
    if (p.isString()) p.fail('sql.option-missing-equals', { key }, k.start, p.peek().end);
    else if (first !== undefined) p.fail('sql.option-missing-equals', { key: first.value ?? '' }, k.start, k.end);
    else p.unexpected("'='");
    return { kind: 'Set', key, keyRange, keyQuoted, range: p.range(start) };
  }
  p.next();
  p.joinStrings();
  const v = p.peek();
  let value = '';
  if (v.kind === TokenKind.String) {
    p.next();
    value = v.value!;
  } else if (v.kind === TokenKind.EOF || (v.kind === TokenKind.Operator && v.value === ';')) {
    p.fail('sql.option-missing-value', { key }, k.start, p.prevEnd());
  } else if (keyQuoted) {
    p.fail('sql.option-not-string', { text: p.found(v) }, v.start, v.end);
  } else value = rawRun(p, false);
  return { kind: 'Set', key, keyRange, keyQuoted, value, valueRange: { start: v.start, end: p.prevEnd() }, range: p.range(start) };
}

/** Adjacent tokens with no blank between them (an unquoted SET/RESET key or value). */
function rawRun(p: ParserState, stopAtEquals: boolean): string {
  const start = p.start();
  let end = start;
  for (;;) {
    const t = p.peek();
    if (t.kind === TokenKind.EOF || t.start !== end && end !== start) break;
    if (t.kind === TokenKind.Operator && (t.value === ';' || (stopAtEquals && t.value === '='))) break;
    if (t.kind === TokenKind.String || t.kind === TokenKind.UnterminatedString) break;
    p.next();
    end = t.end;
  }
  return p.text.slice(start, end);
}

function parseReset(p: ParserState): Statement {
  const start = p.next().start;
  if (p.atEnd() || p.isOp(';')) return { kind: 'Reset', range: p.range(start) };
  p.joinStrings();
  const k = p.peek();
  if (k.kind === TokenKind.String) {
    p.next();
    return { kind: 'Reset', key: k.value!, keyRange: { start: k.start, end: k.end }, range: p.range(start) };
  }
  const key = rawRun(p, false);
  return { kind: 'Reset', key, keyRange: { start: k.start, end: p.prevEnd() }, range: p.range(start) };
}

function parseLikeClause(p: ParserState): { not: boolean; ilike: boolean; pattern: StringLiteralNode } | undefined {
  const not = p.isKw('NOT') && (p.isKwAt(1, 'LIKE') || p.isKwAt(1, 'ILIKE'));
  if (not) p.next();
  if (p.isKw('LIKE') || p.isKw('ILIKE')) {
    const ilike = p.next().value === 'ILIKE';
    return { not, ilike, pattern: p.string() };
  }
  return undefined;
}

/** SHOW TABLES / SHOW COLUMNS take [NOT] LIKE but not ILIKE in Flink 1.20. */
function noIlike(p: ParserState, applies: boolean): void {
  if (!applies || p.version > 120) return;
  const k = p.isKw('NOT') ? 1 : 0;
  if (p.isKwAt(k, 'ILIKE')) {
    p.pos += k;
    p.unexpected(k ? 'LIKE' : "LIKE / NOT LIKE / ';'");
  }
}

function parseShow(p: ParserState): Statement {
  const start = p.next().start;
  const t = p.peek();
  const w = t.kind === TokenKind.Keyword ? t.value! : '';
  const done = (what: string, extra: Partial<{ target: QualifiedName; like: ReturnType<typeof parseLikeClause> }> = {}): Statement => ({
    kind: 'Show', what, ...(extra.target ? { target: extra.target } : {}), ...(extra.like ? { like: extra.like } : {}), range: p.range(start),
  });
  /** [FROM|IN name] [[NOT] LIKE|ILIKE 'pattern'] */
  const scoped = (what: string, catalogOnly: boolean): Statement => {
    // Flink 1.20's SHOW CATALOGS / SHOW VIEWS take nothing after them, SHOW TABLES no ILIKE
    if (p.version <= 120 && (what === 'CATALOGS' || what === 'VIEWS') && !endsAt(p, 0)) {
      p.unexpected("';'");
      return done(what);
    }
    let target: QualifiedName | undefined;
    if (p.acceptKw('FROM') || p.acceptKw('IN')) {
      if (catalogOnly) {
        const name = p.qname();
        if (name.parts.length > 1 && !p.failed) {
          p.fail('sql.single-part-name', { what: 'sql.what.catalog', name: p.text.slice(name.range.start, name.range.end) }, name.range.start, name.range.end);
        }
        target = name;
      } else target = p.qname();
    }
    noIlike(p, what === 'TABLES');
    const like = parseLikeClause(p);
    return done(what, { ...(target ? { target } : {}), ...(like ? { like } : {}) });
  };
  switch (w) {
    case 'CATALOGS':
      p.next();
      return scoped('CATALOGS', true);
    case 'CURRENT':
      p.next();
      if (p.acceptKw('CATALOG')) return done('CURRENT CATALOG');
      p.expectKw('DATABASE');
      return done('CURRENT DATABASE');
    case 'DATABASES':
      p.next();
      return scoped('DATABASES', true);
    case 'TABLES':
    case 'VIEWS':
    case 'FUNCTIONS':
    case 'PROCEDURES':
    case 'MODELS':
      p.next();
      if (w === 'PROCEDURES') requireVersion(p, 'SHOW PROCEDURES', start, t.end);
      return scoped(w, false);
    case 'USER':
      p.next();
      p.expectKw('FUNCTIONS');
      return scoped('USER FUNCTIONS', false);
    case 'COLUMNS': {
      p.next();
      if (!p.acceptKw('FROM') && !p.acceptKw('IN')) p.unexpected('FROM / IN');
      const target = p.qname();
      noIlike(p, true);
      const like = parseLikeClause(p);
      return done('COLUMNS', { target, ...(like ? { like } : {}) });
    }
    case 'FULL':
      p.next();
      p.expectKw('MODULES');
      return done('FULL MODULES');
    case 'MODULES':
    case 'JARS':
    case 'JOBS':
      p.next();
      if (w === 'JOBS') requireVersion(p, 'SHOW JOBS', start, t.end);
      return done(w);
    case 'PARTITIONS': {
      p.next();
      const target = p.qname();
      const partition = p.isKw('PARTITION') ? parsePartitionSpec(p) : undefined;
      return { kind: 'Show', what: 'PARTITIONS', target, ...(partition ? { partition } : {}), range: p.range(start) };
    }
    case 'CREATE': {
      p.next();
      const o = p.peek();
      let what = '';
      if (p.acceptKw('TABLE')) what = 'CREATE TABLE';
      else if (p.acceptKw('VIEW')) what = 'CREATE VIEW';
      else if (p.acceptKw('CATALOG')) {
        what = 'CREATE CATALOG';
        requireVersion(p, 'SHOW CREATE CATALOG', start, o.end);
      } else if (p.acceptKw('MATERIALIZED')) {
        p.expectKw('TABLE');
        what = 'CREATE MATERIALIZED TABLE';
        requireVersion(p, 'MATERIALIZED TABLE', start, p.prevEnd());
      } else {
        p.unexpected('TABLE / VIEW / CATALOG');
        return done('CREATE');
      }
      const target = what === 'CREATE CATALOG' ? p.simpleName('sql.what.catalog') : p.qname();
      return done(what, { target });
    }
    default:
      p.unexpected('TABLES / VIEWS / DATABASES / CATALOGS / FUNCTIONS / COLUMNS / MODULES / JARS / JOBS / CREATE ...');
      return done('');
  }
}

function parseDescribe(p: ParserState): Statement {
  const start = p.next().start;
  if (p.isKw('CATALOG') && (p.isIdentAt(1) || p.isKwAt(1, 'EXTENDED'))) {
    p.next();
    const extended = p.acceptKw('EXTENDED');
    const name = p.simpleName('sql.what.catalog');
    requireVersion(p, 'DESCRIBE CATALOG', start, p.prevEnd());
    return { kind: 'Describe', object: 'CATALOG', extended, name, range: p.range(start) };
  }
  if (p.isKw('DATABASE') && (p.isIdentAt(1) || p.isKwAt(1, 'EXTENDED'))) {
    p.next();
    const extended = p.acceptKw('EXTENDED');
    return { kind: 'Describe', object: 'DATABASE', extended, name: p.qname(), range: p.range(start) };
  }
  if (p.isKw('FUNCTION')) {
    // Flink 1.20's parser has no DESCRIBE FUNCTION
    if (p.version <= 120) p.unexpected('sql.expect.table-name');
    p.next();
    const extended = p.acceptKw('EXTENDED');
    return { kind: 'Describe', object: 'FUNCTION', extended, name: p.qname(), range: p.range(start) };
  }
  if ((p.isKw('CATALOG') || p.isKw('JOB')) && endsAt(p, 1)) {
    // DESCRIBE CATALOG / DESCRIBE JOB without the name: Flink does not read CATALOG / JOB as a table name here
    p.next();
    if (p.toks[p.pos - 1]!.value === 'JOB') p.unexpected('sql.expect.job-id');
    else p.expected('identifier');
    return { kind: 'Describe', object: 'TABLE', extended: false, name: { kind: 'QualifiedName', parts: [], range: p.range(start) }, range: p.range(start) };
  }
  if (p.isKw('JOB') && p.peekAt(1).kind === TokenKind.String) {
    p.next();
    const jobId = p.string();
    requireVersion(p, 'DESCRIBE JOB', start, p.prevEnd());
    return { kind: 'Describe', object: 'JOB', extended: false, jobId, range: p.range(start) };
  }
  if (looksLikeQuery(p, 0) || p.isKw('INSERT') || p.isKw('UPSERT')) {
    // Calcite's DESCRIBE of a query or DML statement (Flink parses it; the SQL client does not run it)
    const qs = p.start();
    const statement: Statement = looksLikeQuery(p, 0) ? { kind: 'Query', query: parseQuery(p), range: p.range(qs) } : parseInsert(p);
    return { kind: 'Describe', object: 'STATEMENT', extended: false, statement, range: p.range(start) };
  }
  const extended = p.acceptKw('EXTENDED');
  p.acceptKw('TABLE');
  const name = p.qname();
  return { kind: 'Describe', object: 'TABLE', extended, name, range: p.range(start) };
}

/** Does the statement end k tokens ahead (end of input or ';')? */
function endsAt(p: ParserState, k: number): boolean {
  return p.peekAt(k).kind === TokenKind.EOF || p.isOpAt(k, ';');
}

function parseUse(p: ParserState): Statement {
  const start = p.next().start;
  if (p.isKw('CATALOG') && !p.isOpAt(1, '.')) {
    // USE CATALOG without a name is an error in Flink (CATALOG is not read as a database name)
    p.next();
    return { kind: 'Use', object: 'CATALOG', names: [p.simpleName('sql.what.catalog')], range: p.range(start) };
  }
  if (p.isKw('MODULES')) {
    p.next();
    const names: QualifiedName[] = [];
    do {
      const id = p.ident();
      names.push({ kind: 'QualifiedName', parts: [id], range: id.range });
    } while (p.acceptOp(',') && !p.failed);
    return { kind: 'Use', object: 'MODULES', names, range: p.range(start) };
  }
  return { kind: 'Use', object: 'DATABASE', names: [p.qname()], range: p.range(start) };
}

function parseAnalyze(p: ParserState): Statement {
  const start = p.next().start;
  p.expectKw('TABLE');
  const table = p.qname();
  const partition = p.isKw('PARTITION') ? parsePartitionSpec(p) : undefined;
  p.expectKws('COMPUTE', 'STATISTICS');
  let columns: Identifier[] | undefined;
  let allColumns = false;
  if (p.acceptKw('FOR')) {
    if (p.acceptKw('ALL')) {
      p.expectKw('COLUMNS');
      allColumns = true;
    } else {
      p.expectKw('COLUMNS');
      columns = [];
      do columns.push(p.ident());
      while (p.acceptOp(',') && !p.failed);
    }
  }
  requireVersion(p, 'ANALYZE TABLE', start, p.prevEnd());
  return { kind: 'Analyze', table, ...(partition ? { partition } : {}), ...(columns ? { columns } : {}), allColumns, range: p.range(start) };
}

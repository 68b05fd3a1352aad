import type { Column, CreateTable, CreateTableAs, Insert, Statement } from '../ast/statement.js';
import type { Identifier, QualifiedName } from '../ast/node.js';
import type { ColumnInfo, TableInfo } from './catalog.js';
import { checkConnectorOptions } from './connector-options-check.js';
import { didYouMean } from './did-you-mean.js';
import { QueryBinder, UNKNOWN, type Columns, type ScopeObserver } from './query-binder.js';
import { Scope } from './scope.js';
import { withSuggestions, type SemanticDiagnostic } from './semantic-diagnostic.js';
import { pathKey, type Session } from './session.js';
import { certainlyIncompatible, typeInfo } from './types.js';

/**
 * Analyzes one statement against the session and applies its effects (CREATE, DROP, USE...).
 * With `quiet` (the statement has syntax errors) only the effects are kept, so one typo does not
 * make every later use of its table an error.
 */
export function analyzeStatement(stmt: Statement, session: Session, quiet = false, observe?: ScopeObserver): SemanticDiagnostic[] {
  const out: SemanticDiagnostic[] = [];
  if (session.otherDialect() && stmt.kind !== 'Set' && stmt.kind !== 'Reset') return out;
  new StatementAnalyzer(session, out, quiet, observe).statement(stmt);
  return quiet ? [] : out;
}

class StatementAnalyzer {
  private readonly binder: QueryBinder;
  /** The CREATE being analyzed is TEMPORARY. */
  private temporary = false;

  constructor(
    private readonly session: Session,
    private readonly out: SemanticDiagnostic[],
    private readonly quiet: boolean,
    observe?: ScopeObserver,
  ) {
    this.binder = new QueryBinder(session, out, observe);
  }

  statement(s: Statement): void {
    switch (s.kind) {
      case 'CreateTable':
        return this.createTable(s);
      case 'CreateTableAs':
        return this.createTableAs(s);
      case 'CreateMaterializedTable': {
        const cols = this.binder.query(s.query);
        this.define(s.name, cols, 'table', s.ifNotExists, { invalidOptions: checkConnectorOptions(s.options, false, this.out) > 0, connector: connectorOf(s.options) });
        return;
      }
      case 'CreateView': {
        this.temporary = s.temporary;
        const cols = this.binder.query(s.query);
        const named = s.columns ? s.columns.map((c, i) => ({ ...(cols?.[i] ?? { type: UNKNOWN, nullable: true }), name: c.name })) : cols;
        this.define(s.name, named, 'view', s.ifNotExists);
        return;
      }
      case 'CreateFunction':
        this.session.apply({ op: 'function', name: lastName(s.name).toUpperCase() });
        return;
      case 'CreateCatalog': {
        const type = s.options.find((o) => o.key === 'type')?.value ?? '';
        this.session.apply({ op: 'catalog', name: lastName(s.name), type });
        return;
      }
      case 'CreateDatabase': {
        const parts = s.name.parts.map((p) => p.name);
        this.session.readUse();
        const path = parts.length >= 2 ? parts.slice(-2) : [this.session.catalog, parts[0]!];
        this.session.apply({ op: 'database', key: pathKey(path) });
        return;
      }
      case 'AlterTable':
        return this.alterTable(s);
      case 'AlterView': {
        const t = this.existing(s.name, false);
        if (!t) return;
        if (s.newName) this.rename(t, s.newName);
        else if (s.query) this.session.apply({ op: 'table', key: pathKey(t.path), table: { ...t, columns: this.binder.query(s.query) } });
        return;
      }
      case 'Drop':
        return this.drop(s);
      case 'Insert':
        return this.insert(s);
      case 'StatementSet':
        for (const x of s.statements) this.statement(x);
        return;
      case 'Execute':
        if (s.statement) this.statement(s.statement);
        return;
      case 'CompilePlan':
      case 'Explain':
        this.statement(s.statement);
        return;
      case 'Query':
        this.binder.query(s.query);
        return;
      case 'Set':
        if (s.key === 'table.sql-dialect' && s.value !== undefined) this.session.apply({ op: 'dialect', value: s.value.toLowerCase() });
        return;
      case 'Reset':
        if (s.key === undefined || s.key === 'table.sql-dialect') this.session.apply({ op: 'dialect', value: 'default' });
        return;
      case 'Use':
        return this.use(s.object, s.names);
      case 'LoadModule':
        if (s.name.name.toLowerCase() !== 'core') this.session.apply({ op: 'module' });
        return;
      case 'Delete':
      case 'Update': {
        const t = this.binder.tableByName(s.table);
        const scope = new Scope([{ name: s.alias?.name ?? lastName(s.table), path: t?.path, columns: t?.columns }]);
        if (s.kind === 'Update') for (const a of s.assignments) this.binder.expr(a.value, scope);
        if (s.where) this.binder.expr(s.where, scope);
        return;
      }
      case 'Truncate':
      case 'Analyze':
        this.binder.tableByName(s.table);
        return;
      case 'Describe':
        if (s.object === 'TABLE' && s.name) this.binder.tableByName(s.name);
        return;
      default:
        return;
    }
  }

  private createTable(s: CreateTable): void {
    this.temporary = s.temporary;
    const columns: ColumnInfo[] = [];
    let known = true;
    if (s.like) {
      const base = this.binder.tableByName(s.like.source);
      if (base?.columns) columns.push(...base.columns);
      else known = false;
    }
    const physical = new Scope([{ name: lastName(s.name), columns: undefined }]);
    physical.relations[0] = { name: lastName(s.name), columns };
    for (const c of s.columns) columns.push(this.column(c, known ? physical : new Scope([{ name: undefined, columns: undefined }])));
    const names = columns.map((c) => c.name);
    if (known) {
      for (const w of s.watermarks) {
        this.checkColumn(w.column.parts[0]!, names);
        this.binder.expr(w.expr, physical);
      }
      for (const k of s.constraints) for (const c of k.columns) this.checkColumn(c, names);
      for (const p of s.partitionedBy) this.checkColumn(p, names);
    }
    const invalidOptions = checkConnectorOptions(s.options, s.like !== undefined, this.out) > 0;
    const pk = s.constraints.find((c) => c.type === 'PRIMARY KEY')?.columns.map((c) => c.name) ?? s.columns.filter((c) => c.kind === 'PhysicalColumn' && c.constraint?.type === 'PRIMARY KEY').map((c) => c.name.name);
    this.define(s.name, known ? columns : undefined, 'table', s.ifNotExists, { primaryKey: pk, partitionKeys: s.partitionedBy.map((p) => p.name), invalidOptions, connector: connectorOf(s.options) });
  }

  private createTableAs(s: CreateTableAs): void {
    this.temporary = s.temporary;
    const cols = this.binder.query(s.query);
    const declared = s.columns.map((c) => this.column(c, new Scope([{ name: undefined, columns: cols }])));
    const invalidOptions = checkConnectorOptions(s.options, false, this.out) > 0;
    let columns: Columns = cols;
    if (cols && declared.length > 0) columns = [...declared.filter((d) => !cols.some((c) => c.name === d.name)), ...cols.map((c) => declared.find((d) => d.name === c.name) ?? c)];
    this.define(s.name, columns, 'table', s.ifNotExists, { invalidOptions, connector: connectorOf(s.options) });
  }

  private column(c: Column, scope: Scope): ColumnInfo {
    switch (c.kind) {
      case 'PhysicalColumn': {
        // (no object spread: it is slow before the JIT has compiled this)
        const type = typeInfo(c.type);
        return c.comment ? { name: c.name.name, type, nullable: !c.type.notNull, writable: true, comment: c.comment.value } : { name: c.name.name, type, nullable: !c.type.notNull, writable: true };
      }
      case 'MetadataColumn':
        return { name: c.name.name, type: typeInfo(c.type), nullable: !c.type.notNull, writable: !c.virtual };
      case 'ComputedColumn':
        return { name: c.name.name, type: this.binder.expr(c.expr, scope) ?? UNKNOWN, nullable: true, writable: false };
    }
  }

  private checkColumn(id: Identifier, names: string[]): void {
    if (names.includes(id.name)) return;
    this.out.push({ severity: 'error', code: 'sql.unknown-column', params: withSuggestions({ name: id.name }, didYouMean(id.name, names)), start: id.range.start, end: id.range.end });
  }

  private define(name: QualifiedName, columns: Columns, kind: 'table' | 'view', ifNotExists: boolean, extra: { primaryKey?: string[]; partitionKeys?: string[]; invalidOptions?: boolean; connector?: string | undefined } = {}): void {
    const { primaryKey, partitionKeys, invalidOptions, connector } = extra;
    const path = this.session.fullPath(name.parts.map((p) => p.name));
    if (ifNotExists && this.session.table(path)) return;
    const table: Mutable<TableInfo> = { name: path[2]!, path, columns: this.quiet ? undefined : columns, kind };
    if (primaryKey && primaryKey.length > 0) table.primaryKey = primaryKey;
    if (partitionKeys && partitionKeys.length > 0) table.partitionKeys = partitionKeys;
    if (invalidOptions) table.invalidOptions = invalidOptions;
    if (connector) table.connector = connector;
    if (this.temporary) table.temporary = true;
    this.session.apply({ op: 'table', key: pathKey(path), table, temporary: this.temporary });
  }

  private existing(name: QualifiedName, ifExists: boolean): TableInfo | undefined {
    const path = this.session.fullPath(name.parts.map((p) => p.name));
    const t = this.session.table(path);
    if (!t && !ifExists) this.binder.unknownTable(name, path);
    return t;
  }

  private rename(t: TableInfo, newName: QualifiedName): void {
    const path = this.session.fullPath(newName.parts.map((p) => p.name));
    this.session.apply({ op: 'drop-table', key: pathKey(t.path) });
    this.session.apply({ op: 'table', key: pathKey(path), table: { ...t, name: path[2]!, path } });
  }

  private alterTable(s: Extract<Statement, { kind: 'AlterTable' }>): void {
    const t = this.existing(s.name, s.ifExists);
    if (!t) return;
    const a = s.action;
    const cols = t.columns;
    let next: Columns = cols?.slice();
    switch (a.type) {
      case 'RENAME':
        return this.rename(t, a.newName);
      case 'RENAME_COLUMN':
        next = cols?.map((c) => (c.name === a.column.parts[0]!.name ? { ...c, name: a.newName.name } : c));
        break;
      case 'ADD':
      case 'MODIFY': {
        if (!cols) return;
        const scope = new Scope([{ name: t.name, columns: cols }]);
        const added = a.columns.map((c) => this.column(c, scope));
        next = [...cols.map((c) => added.find((x) => x.name === c.name) ?? c), ...added.filter((x) => !cols.some((c) => c.name === x.name))];
        break;
      }
      case 'DROP_COLUMNS':
        next = cols?.filter((c) => !a.columns.some((d) => d.parts[0]!.name === c.name));
        break;
      default:
        return;
    }
    this.session.apply({ op: 'table', key: pathKey(t.path), table: { ...t, columns: next } });
  }

  private drop(s: Extract<Statement, { kind: 'Drop' }>): void {
    const obj = s.object.toUpperCase();
    if (obj === 'TABLE' || obj === 'VIEW' || obj === 'MATERIALIZED TABLE') {
      const t = this.existing(s.name, s.ifExists);
      if (t) this.session.apply({ op: 'drop-table', key: pathKey(t.path) });
    } else if (obj === 'FUNCTION') this.session.apply({ op: 'function', name: lastName(s.name).toUpperCase(), drop: true });
    else if (obj === 'CATALOG') this.session.apply({ op: 'catalog', name: lastName(s.name), type: '', drop: true });
  }

  private use(object: string, names: QualifiedName[]): void {
    const parts = names[0]?.parts.map((p) => p.name);
    if (!parts || object === 'MODULES') return;
    this.session.readUse();
    if (object === 'CATALOG') this.session.apply({ op: 'use', catalog: parts[0]!, database: this.session.catalog === parts[0] ? this.session.database : 'default_database' });
    else if (parts.length >= 2) this.session.apply({ op: 'use', catalog: parts[parts.length - 2]!, database: parts[parts.length - 1]! });
    else this.session.apply({ op: 'use', catalog: this.session.catalog, database: parts[0]! });
  }

  private insert(s: Insert): void {
    const target = this.binder.tableByName(s.target, true);
    const source = this.binder.query(s.query);
    if (!target?.columns || target.kind === 'view') return;
    const all = target.columns;
    let expected: ColumnInfo[];
    if (s.columns) {
      expected = [];
      for (const id of s.columns) {
        const c = all.find((x) => x.name === id.name);
        if (c) expected.push(c);
        else {
          this.checkColumn(id, all.map((x) => x.name));
          return;
        }
      }
    } else {
      const fixed = new Set((s.partition?.entries ?? []).filter((e) => e.value !== undefined).map((e) => e.key.name));
      expected = all.filter((c) => c.writable !== false && !fixed.has(c.name));
    }
    if (!source) return;
    const at = s.query.range;
    if (source.length !== expected.length) {
      this.out.push({ severity: 'error', code: 'sql.insert-column-count', params: { table: target.name, expected: expected.length, found: source.length }, start: at.start, end: at.end });
      return;
    }
    source.forEach((src, i) => {
      const dst = expected[i]!;
      if (certainlyIncompatible(src.type, dst.type)) {
        this.out.push({ severity: 'error', code: 'sql.insert-type-mismatch', params: { column: dst.name, target: dst.type.text, source: src.type.text, position: i + 1 }, start: at.start, end: at.end });
      }
    });
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function lastName(name: QualifiedName): string {
  return name.parts[name.parts.length - 1]!.name;
}

function connectorOf(options: readonly { key: string; value: string }[]): string | undefined {
  for (const o of options) if (o.key === 'connector') return o.value;
  return undefined;
}

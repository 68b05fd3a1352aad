import { children, type AnyNode } from '../../ast/visit.js';
import { TokenKind, type Token } from '../../lex/token.js';
import { isPlainComment, placeComments, type CommentPlacement } from './comments.js';
import { blankline, breakParent, group, hardline, indent, join, line, lineSuffix, softline, type Doc } from './doc.js';
import type { ResolvedFormatOptions } from './format-options.js';
import { spaceBetween, type SpacingHints } from './spacing.js';

/** A token of the statement as printed, or a printed run of tokens (a node, a parenthesized list). */
export type Part = { kind: 'tok'; i: number; text: string } | { kind: 'doc'; doc: Doc; first: number; last: number; node?: AnyNode };

const QUERY_KINDS = new Set(['Select', 'SetOperation', 'Values', 'WithQuery', 'OrderedQuery', 'ParenQuery', 'TableQuery']);
const TYPE_KINDS = new Set(['BasicType', 'CollectionType', 'MapType', 'RowType', 'RawType', 'IntervalType', 'UserType', 'RowField']);
const LEAF_VERBATIM = new Set(['Identifier', 'QualifiedName', 'StringLiteral', '$verbatim']);
const SELECT_CLAUSES = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'QUALIFY']);
const ORDER_CLAUSES = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
const CREATE_CLAUSES = new Set(['COMMENT', 'DISTRIBUTED', 'PARTITIONED', 'WITH', 'LIKE', 'AS', 'FRESHNESS', 'REFRESH_MODE']);
const LIST_CLAUSES = new Set(['SELECT', 'GROUP', 'ORDER', 'WINDOW']);
const WINDOW_CLAUSES = new Set(['PARTITION', 'ORDER', 'ROWS', 'RANGE']);
const MATCH_CLAUSES = new Set(['PARTITION', 'ORDER', 'MEASURES', 'ONE', 'ALL', 'AFTER', 'PATTERN', 'WITHIN', 'SUBSET', 'DEFINE']);

/**
 * Prints one statement slice as a document. The AST decides the layout; the text comes from the
 * tokens: every token of the slice (comments included) is printed exactly once and in order,
 * names, strings and numbers exactly as written, so the result parses to the same AST. A node's
 * "parts" are the tokens between its children plus its children, printed recursively; each
 * kind of node chooses where its parts break.
 */
export class StatementPrinter {
  private ti = 0;
  private preserveCase = 0;
  private readonly n: number;
  private readonly placement: (CommentPlacement | undefined)[];
  private readonly hints: SpacingHints = { tightAfter: new Set(), tightBefore: new Set(), asWritten: new Set() };
  /** AND/OR chains, flattened so `a AND b AND c` breaks before every AND. */
  private readonly chains = new WeakMap<AnyNode, { op: string; items: Doc[] }>();

  constructor(
    private readonly text: string,
    private readonly toks: Token[],
    private readonly options: ResolvedFormatOptions,
  ) {
    this.n = toks.length > 0 && toks[toks.length - 1]!.kind === TokenKind.EOF ? toks.length - 1 : toks.length;
    this.placement = placeComments(text, toks);
  }

  /** The whole slice: leading comments, the statement, its ';' and trailing comments. */
  printSlice(statement: AnyNode, start: number, end: number): Doc {
    const parts = this.partsOf({ kind: '$slice', range: { start, end } } as AnyNode, [statement]);
    return this.seq(parts);
  }

  /** Tokens printed so far; the caller checks that all were. */
  get consumed(): number {
    return this.ti;
  }

  get tokenCount(): number {
    return this.n;
  }

  // ---------- parts ----------

  private partsOf(node: AnyNode, kids?: AnyNode[]): Part[] {
    const parts: Part[] = [];
    const end = node.range.end;
    const list = kids ?? this.childrenOf(node);
    for (const child of list) {
      const cs = child.range.start;
      const ce = child.range.end;
      if (ce <= cs || ce > end) continue;
      while (this.ti < this.n && this.toks[this.ti]!.end <= cs) parts.push(this.tokPart(this.ti++));
      if (this.ti >= this.n) break;
      const t = this.toks[this.ti]!;
      if (t.start < cs || t.start >= ce) continue; // straddles a token (a hint's inside) or holds none
      const first = this.ti;
      const doc = this.printNode(child);
      if (this.ti === first) continue;
      parts.push({ kind: 'doc', doc, first, last: this.ti - 1, node: child });
    }
    while (this.ti < this.n && this.toks[this.ti]!.end <= end) parts.push(this.tokPart(this.ti++));
    return parts;
  }

  private childrenOf(node: AnyNode): AnyNode[] {
    const list = children(node);
    // unquoted SET/RESET keys and values are runs of adjacent tokens: print them as written
    for (const key of ['keyRange', 'valueRange'] as const) {
      const r = node[key] as { start: number; end: number } | undefined;
      if ((node.kind === 'Set' || node.kind === 'Reset') && r) list.push({ kind: '$verbatim', range: r } as AnyNode);
    }
    return list.sort((a, b) => a.range.start - b.range.start);
  }

  private tokPart(i: number): Part {
    const t = this.toks[i]!;
    let text = this.text.slice(t.start, t.end);
    if (t.kind === TokenKind.Keyword && this.preserveCase === 0) {
      if (this.options.keywordCase === 'upper') text = text.toUpperCase();
      else if (this.options.keywordCase === 'lower') text = text.toLowerCase();
    }
    return { kind: 'tok', i, text };
  }

  private printNode(node: AnyNode): Doc {
    const kind = node.kind;
    if (LEAF_VERBATIM.has(kind) || (kind === 'Literal' && node.type !== 'boolean' && node.type !== 'null')) return this.verbatim(node);
    const preserve = kind === 'Property' || kind === 'Hint';
    if (preserve) this.preserveCase++;
    const from = this.ti;
    const parts = this.partsOf(node);
    if (preserve) this.preserveCase--;
    this.markSpacing(node, parts, from);
    return this.layout(node, parts);
  }

  /** Names and literals: the source text itself. */
  private verbatim(node: AnyNode): Doc {
    const from = this.ti;
    let comments = false;
    while (this.ti < this.n && this.toks[this.ti]!.end <= node.range.end) {
      if (isPlainComment(this.toks[this.ti]!)) comments = true;
      this.ti++;
    }
    if (this.ti === from) return '';
    if (comments) {
      this.preserveCase++;
      const parts: Part[] = [];
      for (let i = from; i < this.ti; i++) parts.push(this.tokPart(i));
      this.preserveCase--;
      return this.seq(parts);
    }
    return this.text.slice(this.toks[from]!.start, this.toks[this.ti - 1]!.end);
  }

  private markSpacing(node: AnyNode, parts: Part[], from: number): void {
    const h = this.hints;
    if (node.kind === 'FunctionCall') {
      for (const p of parts) if (p.kind === 'doc' && p.node === node.name) h.tightAfter.add(p.last);
    } else if (node.kind === 'UnaryExpr' && (node.op === '-' || node.op === '+')) {
      const op = parts[0];
      const next = this.toks[(op?.kind === 'tok' ? op.i : -1) + 1];
      if (op?.kind === 'tok' && next && !(next.kind === TokenKind.Operator && (next.value === '-' || next.value === '+'))) h.tightAfter.add(op.i);
    } else if (TYPE_KINDS.has(node.kind)) {
      for (const p of parts) {
        if (p.kind !== 'tok') continue;
        const v = this.opValue(p.i);
        if (v === '<') {
          h.tightBefore.add(p.i);
          h.tightAfter.add(p.i);
        } else if (v === '>') h.tightBefore.add(p.i);
        else if (v === '(' && p.i > 0) h.tightAfter.add(p.i - 1);
      }
    } else if (node.kind.startsWith('Pattern')) {
      for (let i = from; i < this.ti; i++) h.asWritten.add(i);
    }
  }

  // ---------- helpers over parts ----------

  private opValue(i: number): string | undefined {
    const t = this.toks[i]!;
    return t.kind === TokenKind.Operator ? t.value : undefined;
  }

  private isComment(p: Part | undefined): boolean {
    return p?.kind === 'tok' && isPlainComment(this.toks[p.i]!);
  }

  private ownLine(p: Part): boolean {
    return p.kind === 'tok' && this.placement[p.i]?.ownLine === true;
  }

  /** The keyword a part starts with ('' when it starts otherwise). */
  private kwOf(p: Part | undefined): string {
    if (!p) return '';
    const t = this.toks[p.kind === 'tok' ? p.i : p.first]!;
    return t.kind === TokenKind.Keyword ? t.value! : '';
  }

  private isOp(p: Part | undefined, value: string): boolean {
    return p?.kind === 'tok' && this.opValue(p.i) === value;
  }

  private firstTok(p: Part): number {
    return p.kind === 'tok' ? p.i : p.first;
  }

  private lastTok(p: Part): number {
    return p.kind === 'tok' ? p.i : p.last;
  }

  /** Index of the ')' or ']' closing the bracket at parts[k], or -1. */
  private matchClose(parts: Part[], k: number): number {
    let depth = 0;
    for (let j = k; j < parts.length; j++) {
      const p = parts[j]!;
      if (p.kind !== 'tok') continue;
      const v = this.opValue(p.i);
      if (v === '(' || v === '[') depth++;
      else if (v === ')' || v === ']') {
        depth--;
        if (depth === 0) return j;
      }
    }
    return -1;
  }

  /** Splits before every top-level part that `starts` accepts. */
  private splitAt(parts: Part[], starts: (p: Part) => boolean): Part[][] {
    const segs: Part[][] = [[]];
    let depth = 0;
    for (const p of parts) {
      if (depth === 0 && !this.isComment(p) && segs[segs.length - 1]!.some((q) => !this.isComment(q)) && starts(p)) segs.push([]);
      segs[segs.length - 1]!.push(p);
      if (p.kind === 'tok') {
        const v = this.opValue(p.i);
        if (v === '(' || v === '[') depth++;
        else if (v === ')' || v === ']') depth--;
      }
    }
    return this.attach(segs);
  }

  /** Splits a list on its top-level commas; each item keeps its comma. */
  private splitList(parts: Part[]): Part[][] {
    const segs: Part[][] = [[]];
    let depth = 0;
    for (const p of parts) {
      const cur = segs[segs.length - 1]!;
      if (p.kind === 'tok') {
        const v = this.opValue(p.i);
        if (depth === 0 && v === ',') {
          // the comma goes right after the item, before comments that preceded it
          let at = cur.length;
          while (at > 0 && this.isComment(cur[at - 1])) at--;
          cur.splice(at, 0, p);
          segs.push([]);
          continue;
        }
        if (v === '(' || v === '[') depth++;
        else if (v === ')' || v === ']') depth--;
      }
      cur.push(p);
    }
    if (segs.length > 1 && segs[segs.length - 1]!.length === 0) segs.pop();
    return this.attach(segs);
  }

  /** Comments on their own line go with what follows them; comments after code stay on its line. */
  private attach(segs: Part[][]): Part[][] {
    for (let k = 0; k + 1 < segs.length; k++) {
      const a = segs[k]!;
      const b = segs[k + 1]!;
      let run = a.length;
      while (run > 0 && this.isComment(a[run - 1])) run--;
      let from = run;
      while (from < a.length && !this.ownLine(a[from]!)) from++;
      if (from < a.length && from > 0) b.unshift(...a.splice(from));
      let lead = 0;
      while (lead < b.length && this.isComment(b[lead]) && !this.ownLine(b[lead]!)) lead++;
      if (lead > 0) a.push(...b.splice(0, lead));
    }
    return segs.filter((s) => s.length > 0);
  }

  // ---------- documents ----------

  /** Parts in a row: one space or none between tokens, comments kept where they belong. */
  seq(parts: Part[], hardParens = false): Doc {
    const out: Doc[] = [];
    let prev = -1;
    let afterBreak = false;
    for (let k = 0; k < parts.length; k++) {
      let p = parts[k]!;
      if (p.kind === 'tok' && isPlainComment(this.toks[p.i]!)) {
        const pl = this.placement[p.i]!;
        if (pl.ownLine) {
          out.push(pl.blankBefore ? blankline : hardline, p.text, pl.breakAfter ? hardline : ' ');
          afterBreak = true;
        } else if (this.toks[p.i]!.kind === TokenKind.LineComment) {
          out.push(lineSuffix(' ' + p.text), breakParent);
        } else {
          out.push(' ', p.text, pl.breakAfter ? hardline : ' ');
          afterBreak = true;
        }
        continue;
      }
      if (p.kind === 'tok' && (this.opValue(p.i) === '(' || this.opValue(p.i) === '[')) {
        const close = this.matchClose(parts, k);
        if (close > k) {
          p = this.bracketList(parts.slice(k + 1, close), p, parts[close] as Part & { kind: 'tok' }, hardParens);
          k = close;
        }
      }
      if (prev >= 0 && !afterBreak) out.push(spaceBetween(this.toks, prev, this.firstTok(p), this.hints));
      out.push(p.kind === 'tok' ? p.text : p.doc);
      prev = this.lastTok(p);
      afterBreak = false;
    }
    return out;
  }

  /** ( a, b, c ): on one line when it fits, else one item per line; `hard` always breaks. */
  private bracketList(inner: Part[], open: Part & { kind: 'tok' }, close: Part & { kind: 'tok' }, hard: boolean): Part {
    const lead: Part[] = [];
    while (inner.length > 0 && this.isComment(inner[0]) && !this.ownLine(inner[0]!)) lead.push(inner.shift()!);
    const starts = this.kwOf(inner.find((p) => !this.isComment(p)));
    const segs = inner.length === 0 ? [] : starts === 'PARTITION' || starts === 'ORDER' ? [inner] : this.splitList(inner);
    let doc: Doc;
    if (segs.length === 0) doc = [open.text, this.seq(lead), close.text];
    else {
      const brk = hard ? hardline : softline;
      doc = group([open.text, this.seq(lead), indent([brk, join(hard ? hardline : line, segs.map((s) => this.seq(s)))]), brk, close.text], hard);
    }
    return { kind: 'doc', doc, first: open.i, last: close.i };
  }

  /** KEYWORD item, item, ...: the items on the keyword's line when they fit, else one per line. */
  private clause(parts: Part[], hardList = false): Doc {
    let h = 0;
    while (h < parts.length && (parts[h]!.kind === 'tok' || (parts[h] as { node?: AnyNode }).node?.kind === 'Hint')) h++;
    if (h === 0 || h === parts.length) return this.seq(parts);
    const [head, rest] = this.attach([parts.slice(0, h), parts.slice(h)]) as [Part[], Part[] | undefined];
    if (!rest) return this.seq(parts);
    const segs = this.splitList(rest);
    // a lone WHERE condition or FROM table stays on the keyword's line; lists move below it
    if (segs.length === 1 && !hardList && !LIST_CLAUSES.has(this.kwOf(head[0]))) return this.seq(parts);
    const brk = hardList ? hardline : line;
    return [this.seq(head), group(indent([brk, join(brk, segs.map((s) => this.seq(s)))]), hardList)];
  }

  private joinSegs(segs: Part[][], sep: Doc = hardline): Doc {
    return join(sep, segs.map((s) => this.seq(s)));
  }

  // ---------- layouts ----------

  private layout(node: AnyNode, parts: Part[]): Doc {
    switch (node.kind) {
      case 'Select':
        return join(hardline, this.splitAt(parts, (p) => SELECT_CLAUSES.has(this.kwOf(p))).map((c) => this.clause(c)));
      case 'OrderedQuery': {
        const segs = this.splitAt(parts, (p) => p.kind === 'tok' && ORDER_CLAUSES.has(this.kwOf(p)));
        return join(hardline, segs.map((c, i) => (i === 0 ? this.seq(c) : this.clause(c))));
      }
      case 'GroupBy':
      case 'Values':
        return this.clause(parts);
      case 'SetOperation':
        return this.setOperation(parts);
      case 'WithQuery':
        return this.withQuery(parts);
      case 'Join':
        return this.joinLayout(parts);
      case 'CaseExpr':
        return this.caseLayout(node, parts);
      case 'BinaryExpr':
        return this.binary(node, parts);
      case 'WindowSpec':
        return this.windowSpec(parts);
      case 'MatchRecognize':
        return this.matchRecognize(parts);
      case 'CreateTable':
      case 'CreateTableAs':
      case 'CreateMaterializedTable':
      case 'CreateCatalog':
      case 'CreateDatabase':
      case 'CreateView':
        return this.create(node, parts);
      case 'Insert':
      case 'Explain':
      case 'CompilePlan':
        return this.headThenBody(parts);
      case 'StatementSet':
        return this.statementSet(parts);
      default:
        return this.seq(parts);
    }
  }

  private isQuery(p: Part | undefined): boolean {
    return p?.kind === 'doc' && p.node !== undefined && QUERY_KINDS.has(p.node.kind);
  }

  private setOperation(parts: Part[]): Doc {
    const a = parts.findIndex((p) => p.kind === 'doc');
    let b = parts.length - 1;
    while (b > a && parts[b]!.kind !== 'doc') b--;
    if (a < 0 || b <= a + 1) return this.seq(parts);
    return this.joinSegs(this.attach([parts.slice(0, a + 1), parts.slice(a + 1, b), parts.slice(b)]));
  }

  private withQuery(parts: Part[]): Doc {
    const h = parts.findIndex((p) => p.kind === 'doc');
    let body = parts.length - 1;
    while (body > h && !this.isQuery(parts[body])) body--;
    if (h <= 0 || body <= h) return this.seq(parts);
    const segs = this.attach([parts.slice(0, h), ...this.splitList(parts.slice(h, body)), parts.slice(body)]);
    const head = segs.shift()!;
    const last = segs.pop()!;
    return [this.seq(head), ' ', this.joinSegs(segs), hardline, this.seq(last)];
  }

  /** a / JOIN b / ON cond: every join on its own line, its condition indented below it. */
  private joinLayout(parts: Part[]): Doc {
    if (parts[0]?.kind !== 'doc') return this.seq(parts);
    const r = parts.findIndex((p, i) => i > 0 && p.kind === 'doc');
    if (r < 0) return this.seq(parts);
    if (this.isOp(parts[1], ',')) {
      const [a, b] = this.attach([parts.slice(0, 2), parts.slice(2)]);
      return [this.seq(a!), hardline, this.seq(b ?? [])];
    }
    const segs = this.attach([parts.slice(0, 1), parts.slice(1, r + 1), parts.slice(r + 1)]);
    const [left, right, cond] = segs;
    if (segs.length === 3 || (segs.length === 2 && this.kwOf(parts[1]) !== '')) {
      return [this.seq(left!), hardline, this.seq(right!), cond ? indent([hardline, this.seq(cond)]) : ''];
    }
    return this.seq(parts);
  }

  private caseLayout(node: AnyNode, parts: Part[]): Doc {
    const segs = this.splitAt(parts, (p) => (p.kind === 'doc' && p.node?.kind === 'WhenClause') || (p.kind === 'tok' && (this.kwOf(p) === 'ELSE' || this.kwOf(p) === 'END')));
    if (segs.length < 3 || this.kwOf(segs[0]![0]) !== 'CASE' || this.kwOf(segs[segs.length - 1]![0]) !== 'END') return this.seq(parts);
    const whens = (node.whens as unknown[]).length;
    const middle = segs.slice(1, -1);
    return group([this.seq(segs[0]!), indent([line, this.joinSegs(middle, line)]), line, this.seq(segs[segs.length - 1]!)], whens > 1);
  }

  private binary(node: AnyNode, parts: Part[]): Doc {
    const op = node.op as string;
    if (op !== 'AND' && op !== 'OR') return this.seq(parts);
    const r = parts.findIndex((p, i) => i > 0 && p.kind === 'doc');
    if (parts[0]?.kind !== 'doc' || r < 0) return this.seq(parts);
    const segs = this.attach([parts.slice(0, 1), parts.slice(1)]);
    if (segs.length !== 2) return this.seq(parts);
    const left = parts[0].node;
    const inner = left && left.kind === 'BinaryExpr' && left.op === op && segs[0]!.length === 1 ? this.chains.get(left) : undefined;
    const items = inner ? [...inner.items, this.seq(segs[1]!)] : [this.seq(segs[0]!), this.seq(segs[1]!)];
    this.chains.set(node, { op, items });
    return group([items[0]!, indent(items.slice(1).map((d) => [line, d]))]);
  }

  private windowSpec(parts: Part[]): Doc {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (this.isOp(first, '(') && this.isOp(last, ')') && this.matchClose(parts, 0) === parts.length - 1) {
      const inner = parts.slice(1, -1);
      const clauses = this.splitAt(inner, (p) => WINDOW_CLAUSES.has(this.kwOf(p)));
      return group([(first as { text: string }).text, indent([softline, this.joinSegs(clauses, line)]), softline, (last as { text: string }).text]);
    }
    return group(this.joinSegs(this.splitAt(parts, (p) => WINDOW_CLAUSES.has(this.kwOf(p))), line));
  }

  private matchRecognize(parts: Part[]): Doc {
    const m = parts.findIndex((p) => p.kind === 'tok' && this.kwOf(p) === 'MATCH_RECOGNIZE');
    const o = m + 1;
    if (m < 0 || !this.isOp(parts[o], '(')) return this.seq(parts);
    const c = this.matchClose(parts, o);
    if (c < 0) return this.seq(parts);
    const clauses = this.splitAt(parts.slice(o + 1, c), (p) => MATCH_CLAUSES.has(this.kwOf(p)));
    const docs = clauses.map((s) => (this.kwOf(s[0]) === 'MEASURES' || this.kwOf(s[0]) === 'DEFINE' ? this.clause(s, true) : this.seq(s)));
    const open = parts[o] as Part & { kind: 'tok' };
    const close = parts[c] as Part & { kind: 'tok' };
    const block: Part = { kind: 'doc', doc: [open.text, indent([hardline, join(hardline, docs)]), hardline, close.text], first: open.i, last: close.i };
    return this.seq([...parts.slice(0, o), block, ...parts.slice(c + 1)]);
  }

  /** CREATE ... name ( columns ) then one line per clause; WITH options one per line. */
  private create(node: AnyNode, parts: Part[]): Doc {
    const segs = this.splitAt(parts, (p) => CREATE_CLAUSES.has(this.kwOf(p)) && !(p.kind === 'doc' && p.node?.kind === 'StringLiteral'));
    const out: Doc[] = [this.seq(segs[0]!, true)];
    for (let k = 1; k < segs.length; k++) {
      const s = segs[k]!;
      const kw = this.kwOf(s.find((p) => !this.isComment(p)));
      if (kw === 'AS' && node.kind === 'CreateView') {
        const q = s.findIndex((p) => this.isQuery(p));
        out.push(' ', q > 0 ? [this.seq(s.slice(0, q)), hardline, this.seq(s.slice(q))] : this.seq(s));
        continue;
      }
      out.push(k === 1 && kw !== 'AS' ? ' ' : hardline);
      if (kw === 'AS') {
        const q = s.findIndex((p) => this.isQuery(p));
        out.push(q > 0 ? [this.seq(s.slice(0, q)), hardline, this.seq(s.slice(q))] : this.seq(s));
      } else out.push(this.seq(s, kw === 'WITH'));
    }
    return out;
  }

  /** INSERT INTO t / EXPLAIN ... : the head, then the query or statement on the next line. */
  private headThenBody(parts: Part[]): Doc {
    let b = parts.length - 1;
    while (b > 0 && parts[b]!.kind !== 'doc') b--;
    const body = parts[b];
    if (b <= 0 || body?.kind !== 'doc' || !body.node || !(QUERY_KINDS.has(body.node.kind) || body.node.kind === 'Insert' || body.node.kind === 'Query' || body.node.kind === 'StatementSet')) return this.seq(parts);
    const segs = this.attach([parts.slice(0, b), parts.slice(b)]);
    return this.joinSegs(segs);
  }

  /** BEGIN STATEMENT SET; / INSERTs indented, each with its ';' / END; */
  private statementSet(parts: Part[]): Doc {
    const firstMember = parts.findIndex((p) => p.kind === 'doc');
    let end = parts.length - 1;
    while (end > firstMember && this.kwOf(parts[end]) !== 'END') end--;
    if (firstMember <= 0 || end <= firstMember) return this.seq(parts);
    const members = this.splitAt(parts.slice(firstMember, end), (p) => p.kind === 'doc');
    const segs = this.attach([parts.slice(0, firstMember), ...members, parts.slice(end)]);
    const head = segs.shift()!;
    const tail = segs.pop()!;
    return [this.seq(head), indent([hardline, this.joinSegs(segs)]), hardline, this.seq(tail)];
  }
}

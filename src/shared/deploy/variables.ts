/**
 * `${name}` placeholders in SQL, filled from a cluster's variables at deploy time (the same
 * script goes to dev, test and prod). Two texts come out: the one submitted, and the frozen one
 * kept in the catalog, where secret variables stay placeholders so no secret is ever stored in
 * plain text. `$${name}` escapes a literal `${name}`.
 */
export interface Substitution {
  /** What the cluster receives. */
  readonly sql: string;
  /** What the catalog keeps: secret values left as `${name}`. */
  readonly frozen: string;
  readonly used: readonly string[];
  /** Placeholders with no value, where they are (1-based). */
  readonly missing: readonly { readonly name: string; readonly line: number; readonly column: number }[];
}

const PLACEHOLDER = /\$?\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

export function substituteVariables(
  text: string,
  values: ReadonlyMap<string, string>,
  secret: ReadonlySet<string> = new Set(),
): Substitution {
  const used = new Set<string>();
  const missing: { name: string; line: number; column: number }[] = [];
  let sql = '';
  let frozen = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    const before = text.slice(last, at);
    sql += before;
    frozen += before;
    last = at + m[0].length;
    const name = m[1]!;
    if (m[0].startsWith('$$')) {
      sql += m[0].slice(1);
      frozen += m[0];
      continue;
    }
    const value = values.get(name);
    if (value === undefined) {
      missing.push({ name, ...position(text, at) });
      sql += m[0];
      frozen += m[0];
      continue;
    }
    used.add(name);
    sql += value;
    frozen += secret.has(name) ? m[0] : value;
  }
  sql += text.slice(last);
  frozen += text.slice(last);
  return { sql, frozen, used: [...used], missing };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Removes known secret values from text Weir stores, logs, shows or exports. Clusters echo what
 * they were sent (Flink repeats a table's options in its errors), so a secret substituted into a
 * job can come back inside any reply. Each value is also matched in the forms it takes once
 * quoted: in a JSON string (escaped) and in a SQL literal (doubled quotes).
 */
export const REDACTED = '******';

/** Shorter values are not redacted: blanking every "ab" would garble all output, and such a value guards nothing. */
export const MIN_SECRET_LENGTH = 6;

export type Redact = (text: string) => string;

export const noRedaction: Redact = (text) => text;

/** A redactor for these values (compiled once: one regex over all forms, longest first). */
export function compileRedaction(values: Iterable<string>): Redact {
  const forms = new Set<string>();
  for (const v of values) {
    if (v.length < MIN_SECRET_LENGTH) continue;
    const json = JSON.stringify(v).slice(1, -1);
    const sql = v.replace(/'/g, "''");
    for (const form of [v, json, sql, JSON.stringify(sql).slice(1, -1)]) forms.add(form);
    // a multi-line value (a private key) may come back one line at a time
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 16) forms.add(line.trim());
  }
  if (forms.size === 0) return noRedaction;
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return (text) => (typeof text === 'string' && text.length > 0 ? text.replace(pattern, REDACTED) : text);
}

/** Every string inside `value` (objects and arrays walked, other values kept), redacted. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (redact === noRedaction) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redact(v);
    if (typeof v !== 'object' || v === null || depth > 64) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

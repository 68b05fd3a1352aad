/**
 * Structural equality of two ASTs, ignoring where things are (`range` and every `...Range`):
 * the formatter's safety check that printed text still means the same statement.
 */
export function astEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!astEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // runs on every formatted statement: no allocation beyond the key loops
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key in ra) {
    if (key === 'range' || key.endsWith('Range')) continue;
    if (!astEqual(ra[key], rb[key])) return false;
  }
  for (const key in rb) {
    if (rb[key] !== undefined && ra[key] === undefined && key !== 'range' && !key.endsWith('Range')) return false;
  }
  return true;
}

/** The path of the first difference, or undefined when equal (for test messages). */
export function astDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${path}: length ${a.length} ≠ ${bb.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = astDifference(a[i], bb[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (key === 'range' || key.endsWith('Range')) continue;
    if (ra[key] === undefined && rb[key] === undefined) continue;
    const d = astDifference(ra[key], rb[key], path ? `${path}.${key}` : key);
    if (d) return d;
  }
  return undefined;
}

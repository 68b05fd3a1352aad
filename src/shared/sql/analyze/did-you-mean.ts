/**
 * Damerau-Levenshtein (optimal string alignment) distance, giving up once it must exceed `max`:
 * a transposition ('conenctor') costs one edit, as typists make them.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Edits tolerated for a name of this length: none for very short names, about one in three otherwise. */
export function threshold(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  return Math.min(3, Math.floor(length / 3));
}

/**
 * The candidates closest to `name` (case-insensitive) within the length-relative threshold, the
 * shortest first among equally close ones.
 */
export function didYouMean(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const max = threshold(name.length);
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c) || c === name) continue;
    seen.add(c);
    const d = editDistance(lower, c.toLowerCase(), max);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.length - y.c.length || (x.c < y.c ? -1 : 1));
  // only the closest: a second-best guess is more noise than help
  const best = scored[0]?.d;
  return scored.filter((s) => s.d === best).slice(0, limit).map((s) => s.c);
}

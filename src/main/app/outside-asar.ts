import { sep } from 'node:path';

/**
 * The path external programs (psql, java, mvn, the Flink cluster's upload) can read. Inside an
 * installed desktop app Weir's files sit in `resources/app.asar`, an archive only Electron's own
 * fs understands; electron-builder's `asarUnpack` puts real copies of what other programs need
 * in `app.asar.unpacked` beside it. Paths outside an archive come back unchanged.
 */
export function outsideAsar(path: string, separator: string = sep): string {
  const marker = `${separator}app.asar`;
  const at = path.indexOf(marker);
  if (at < 0) return path;
  const end = at + marker.length;
  // Only the folder named exactly app.asar, not app.asar.unpacked or app.asarx.
  if (end < path.length && path[end] !== separator) return path;
  return `${path.slice(0, end)}.unpacked${path.slice(end)}`;
}

import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { utf8Problem } from './utf8-position.js';

/**
 * Largest SQL input the CLI reads (a 10,000-line script is about 1 MB). Inputs are read as
 * streams and refused once past it, so a huge file, a pipe or /dev/zero ends at once with an
 * error instead of exhausting memory.
 */
export const MAX_SQL_INPUT_BYTES = 32 * 1024 * 1024;

/** '-' reads standard input. */
export const STDIN = '-';

/** Reads a SQL file (or stdin) as strict UTF-8 within the size limit; a byte-order mark is kept. */
export async function readSqlInput(path: string, limit = MAX_SQL_INPUT_BYTES): Promise<string> {
  const bytes = await readLimited(path, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const p = utf8Problem(bytes);
    if (!p) throw new WeirError('cli.cannot-read', { path, reason: 'EILSEQ' });
    throw new WeirError('cli.invalid-utf8', { path, line: p.line, column: p.column, offset: p.offset, byte: hexByte(p.byte) });
  }
}

async function readLimited(path: string, limit: number): Promise<Uint8Array> {
  const tooLarge = (): WeirError => new WeirError('cli.input-too-large', { path, megabytes: Math.round(limit / (1024 * 1024)) });
  let stream: Readable;
  try {
    if (path === STDIN) stream = process.stdin;
    else {
      // a regular file says its size up front: refuse it before reading a byte
      const stat = statSync(path);
      if (stat.isFile() && stat.size > limit) throw tooLarge();
      if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    }
  } catch (cause) {
    if (cause instanceof WeirError) throw cause;
    throw new WeirError('cli.cannot-read', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // leaving the loop early (too large) destroys the stream: /dev/zero stops being read
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (cause) {
    if (cause instanceof WeirError) throw cause;
    throw new WeirError('cli.cannot-read', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
  return Buffer.concat(chunks, size);
}

/** A byte as the message shows it after its 0x: two upper-case hex digits. */
function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

import type { Dispatcher } from 'undici';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { megabytes } from './reply-limits.js';

/** A reply's body as text, read only up to `limit` bytes: past it the connection is dropped. */
export async function readLimited(response: Dispatcher.ResponseData, limit: number, params: Readonly<Record<string, string>>): Promise<string> {
  const tooLarge = () => {
    response.body.destroy();
    return new WeirError('cluster.reply-too-large', { ...params, limit: megabytes(limit) });
  };
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

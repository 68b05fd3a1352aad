import { javaError } from '../../../shared/errors/java-error.js';
import { WeirError } from '../../../shared/errors/weir-error.js';

/**
 * Turns a raw reply into data or a specific error. Proxies in front of clusters answer with
 * HTML login pages or gateways' error pages, truncated bodies happen: each gets an error that
 * says what came back instead of a JSON parse failure.
 */
export function decodeReply(
  status: number,
  contentType: string,
  text: string,
  params: Readonly<Record<string, string>>,
  expect: 'json' | 'text',
): unknown {
  const trimmed = text.trimStart();
  const looksHtml = /^<(!doctype|html|head|body)/i.test(trimmed) || contentType.includes('text/html');
  if (status >= 400) {
    if (!looksHtml) {
      const flinkErrors = flinkErrorLines(trimmed);
      if (flinkErrors) {
        throw new WeirError('cluster.http-error', { ...params, status }, flinkErrors);
      }
    }
    throw new WeirError('cluster.http-error', { ...params, status }, { details: [firstBytes(trimmed)] });
  }
  if (expect === 'text') return text;
  if (looksHtml) {
    throw new WeirError('cluster.bad-reply', { ...params, status, got: 'errors.cluster.bad-reply.got-html' }, { details: [firstBytes(trimmed)] });
  }
  if (trimmed === '') {
    // Flink answers some writes (DELETE /jars/{id}, PATCH /jobs/{id}) with 202 and no body.
    if (status === 202 || status === 204) return {};
    throw new WeirError('cluster.bad-reply', { ...params, status, got: 'errors.cluster.bad-reply.got-empty' });
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw new WeirError('cluster.bad-reply', { ...params, status, got: 'errors.cluster.bad-reply.got-malformed' }, { details: [firstBytes(trimmed)] });
  }
}

/**
 * Flink's `{"errors": [...]}`: a Java exception's root cause first (the sentence a user can act
 * on), its whole trace kept to be shown folded; other errors as their lines without frames.
 */
function flinkErrorLines(text: string): { details: string[]; trace?: string[] } | null {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (!Array.isArray(body.errors)) return null;
    const errors = body.errors.filter((e): e is string => typeof e === 'string');
    const java = javaError(errors.join('\n'));
    if (java && java.trace.length > 1) return { details: [java.root], trace: java.trace.slice(0, 400) };
    const lines = errors
      .flatMap((e) => e.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('at '));
    if (lines.length <= 8) return { details: lines };
    // the first lines are wrappers ("Could not execute application"): the root cause says why
    const root = lines.findLastIndex((l) => l.startsWith('Caused by:'));
    return { details: root >= 8 ? [...lines.slice(0, 8), '...', lines[root]!] : lines.slice(0, 8) };
  } catch {
    return null;
  }
}

function firstBytes(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

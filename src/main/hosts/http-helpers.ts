import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localePreferences, pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';

/** Small pieces of the browser host's HTTP side: constant-time compare, cookies, refusal pages. */
export function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export type RefusalReason = 'noToken' | 'wrongHost' | 'method' | 'notFound' | 'badRequest';

/** A small page in the visitor's language saying what went wrong and what to do. */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: RefusalReason, headers: Record<string, string>): void {
  const t = createTranslator(pickLocale(localePreferences(req.headers['accept-language'])));
  const title = t.t(`host.refused.${reason}.title`);
  const body = t.t(`host.refused.${reason}.body`);
  const html = `<!doctype html><html lang="${t.language}"><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  res.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

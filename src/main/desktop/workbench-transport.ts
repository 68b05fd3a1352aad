import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { contentSecurityPolicy } from '../hosts/content-security-policy.js';
import { resolveStatic } from '../hosts/static-files.js';
import type { WorkbenchTransport } from './desktop-platform.js';

export const SCHEME = 'weir';
export const ORIGIN = `${SCHEME}://app`;
export const WORKBENCH_URL = `${ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/** The built workbench under weir://app/, and contract calls accepted only from its own frames. */
export function workbenchTransport(rendererDir: string, dispatch: () => ((method: string, input: unknown) => Promise<unknown>) | null): WorkbenchTransport {
  const csp = contentSecurityPolicy([]);
  return {
    scheme: SCHEME,
    respond(url): { status: number; body: Buffer | string; headers: Record<string, string> } {
      const parsed = new URL(url);
      const file = parsed.host === 'app' ? resolveStatic(rendererDir, parsed.pathname) : null;
      if (!file) return { status: 404, body: 'not found', headers: { 'Content-Type': 'text/plain' } };
      return {
        status: 200,
        body: readFileSync(file),
        headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp },
      };
    },
    async call(senderUrl, method, input) {
      const run = dispatch();
      if (!senderUrl?.startsWith(`${ORIGIN}/`) || !run) {
        return { ok: false, error: { code: 'contract.unknown-method', params: { method: String(method).slice(0, 100) } } };
      }
      return run(String(method), input);
    },
  };
}

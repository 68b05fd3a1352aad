import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallRequest, CallResponse, EventMessage } from '../../shared/contract/wire.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import { localePreferences, pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { EventHub } from '../app/event-hub.js';
import type { Logger } from '../app/logger.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { resolveStatic, sendFile } from './static-files.js';

/**
 * The browser host: serves the built workbench and carries the contract over a WebSocket.
 * Loopback by default. The token printed at start is exchanged once for an HttpOnly session
 * cookie; every page, asset and socket needs that cookie (or the token), the right Host
 * (DNS rebinding) and, for sockets, our own Origin (other sites in the same browser).
 */
export interface BrowserHostOptions {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly rendererDir: string;
  readonly log: Logger;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
}

export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'weir_session';
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bind = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let origin = '';
  let allowedHosts = new Set<string>();

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer((req, res) => handleHttp(req, res));

  function authorised(req: IncomingMessage, url: URL): boolean {
    const given = url.searchParams.get('token');
    if (given !== null && same(given, token)) return true;
    const cookie = parseCookies(req.headers.cookie)[COOKIE];
    return cookie !== undefined && same(cookie, session);
  }

  function hostAllowed(req: IncomingMessage): boolean {
    return allowedHosts.has((req.headers.host ?? '').toLowerCase());
  }

  function handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', origin);
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    };
    if (!hostAllowed(req)) return refuse(req, res, 421, 'wrongHost', headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'method', headers);
    if (!authorised(req, url)) return refuse(req, res, 401, 'noToken', headers);
    if (url.searchParams.has('token')) {
      // Swap the token for a cookie and drop it from the address bar and history.
      res.writeHead(303, {
        ...headers,
        'Set-Cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      res.end();
      return;
    }
    const file = resolveStatic(options.rendererDir, url.pathname);
    if (!file) return refuse(req, res, 404, 'notFound', headers);
    sendFile(res, file, headers);
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const reject = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/ws') return reject(404, 'Not Found');
    if (!hostAllowed(req)) return reject(421, 'Misdirected Request');
    // Browsers always send Origin on sockets; scripts (the CLI, tests) may omit it but need the token.
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigin(requestOrigin)) return reject(403, 'Forbidden');
    if (!authorised(req, url)) return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function allowedOrigin(value: string): boolean {
    try {
      return allowedHosts.has(new URL(value).host.toLowerCase()) && value.startsWith('http://');
    } catch {
      return false;
    }
  }

  function serveSocket(ws: WebSocket): void {
    sockets.add(ws);
    const unsubscribe = options.events.subscribe((event, payload) => {
      const message: EventMessage = { event, payload };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('message', async (data, isBinary) => {
      let request: CallRequest;
      try {
        if (isBinary) throw new Error('binary frame');
        request = JSON.parse(data.toString()) as CallRequest;
        if (typeof request !== 'object' || request === null || typeof request.id !== 'number') throw new Error('no id');
      } catch {
        const error = new WeirError('contract.malformed-message', {}).toData();
        ws.send(JSON.stringify({ id: -1, ok: false, error } satisfies CallResponse));
        return;
      }
      const result = await options.dispatch(request.method, request.input);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, ...result } satisfies CallResponse));
    });
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
    ws.on('error', (error) => options.log.warn(`websocket error: ${error.message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new WeirError('serve.port-in-use', { host: bind, port: options.port ?? 0 }, { cause: error }));
      else reject(new WeirError('serve.cannot-listen', { host: bind, port: options.port ?? 0, reason: error.code ?? error.message }, { cause: error }));
    });
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = bind.includes(':') ? `[${bind}]` : bind;
  origin = `http://${hostForUrl}:${port}`;
  allowedHosts = new Set([`${hostForUrl}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`].map((h) => h.toLowerCase()));
  options.log.info(`browser host listening on ${origin}`);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** A small page in the visitor's language saying what went wrong and what to do. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, headers: Record<string, string>): void {
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

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage } from '../../shared/contract/wire.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { EventHub } from '../app/event-hub.js';
import type { Logger } from '../app/logger.js';
import { hostHeaders, isLoopback } from './bind-policy.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { parseCookies, refuse, same } from './http-helpers.js';
import { localLocation, parseTarget } from './request-target.js';
import { SessionStore, type Session, type SessionLimits } from './sessions.js';
import { answerMessage } from './socket-answer.js';
import { SocketCalls, type SocketLimits } from './socket-calls.js';
import { resolveStatic, sendFile } from './static-files.js';

/**
 * The browser host: serves the built workbench and carries the contract over a WebSocket.
 * Loopback by default; beyond loopback only over TLS and only for the host names configured.
 * The token printed at start is exchanged at each login for a session of its own (an HttpOnly
 * cookie that idles out, ages out and changes id now and then); every page, asset and socket
 * needs a session (or the token), the right Host (DNS rebinding) and, for sockets, our own
 * Origin. Every handler is total: any request or message gets an answer or a close.
 */
export interface BrowserHostOptions {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly rendererDir: string;
  readonly log: Logger;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  /** Names remote browsers use to reach this host (required beyond loopback). */
  readonly allowedHosts?: readonly string[];
  readonly tls?: { readonly cert: string; readonly key: string };
  readonly sessionLimits?: SessionLimits;
  readonly socketLimits?: SocketLimits;
  readonly now?: () => number;
  /** How often ended sessions' sockets are closed (tests shorten it). */
  readonly sweepMs?: number;
}

export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** A new login token; with `endSessions` every browser and socket must log in again. */
  setToken(token: string, endSessions: boolean): void;
  close(): Promise<void>;
}

const COOKIE = 'weir_session';
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
const SWEEP_MS = 30_000;
/** Close code a socket gets when its session ends; the workbench then shows the login page. */
export const CLOSE_SESSION_ENDED = 4401;

interface SocketAuth {
  readonly session: Session | null;
  readonly tokenGeneration: number;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bind = options.host ?? '127.0.0.1';
  const tls = options.tls;
  const remoteNames = options.allowedHosts ?? [];
  if (!isLoopback(bind)) {
    if (!tls) throw new WeirError('serve.remote-needs-tls', { host: bind });
    if (remoteNames.length === 0) throw new WeirError('serve.remote-needs-hosts', { host: bind });
  }
  let token = options.token ?? randomBytes(24).toString('base64url');
  let tokenGeneration = 0;
  const sessions = new SessionStore(options.now, options.sessionLimits);
  const sockets = new Map<WebSocket, SocketAuth>();
  const scheme = tls ? 'https' : 'http';
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const cookieFlags = `HttpOnly; SameSite=Strict; Path=/${tls ? '; Secure' : ''}`;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handleHttp(req, res);
    } catch (error) {
      options.log.error('http request could not be answered', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Length': 0, Connection: 'close' }).end();
      else res.destroy();
    }
  };
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, onRequest) : createServer(onRequest);

  function sessionOf(req: IncomingMessage): Session | null {
    return sessions.find(parseCookies(req.headers.cookie)[COOKIE]);
  }

  function hostAllowed(req: IncomingMessage): boolean {
    return allowedHosts.has((req.headers.host ?? '').toLowerCase());
  }

  function handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      ...(tls ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
    };
    if (!hostAllowed(req)) return refuse(req, res, 421, 'wrongHost', headers);
    const target = parseTarget(req.url);
    if (!target) return refuse(req, res, 400, 'badRequest', headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'method', headers);
    if (target.pathname === '/healthz') {
      // For monitoring a headless host: says only that it is up.
      res.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : 'ok\n');
      return;
    }
    const given = target.searchParams.get('token');
    if (given !== null) {
      if (!same(given, token)) return refuse(req, res, 401, 'noToken', headers);
      // A login: a session of its own, and the token out of the address bar and history.
      const session = sessions.create();
      res.writeHead(303, { ...headers, 'Set-Cookie': cookie(session), Location: localLocation(target.pathname) });
      res.end();
      return;
    }
    const session = sessionOf(req);
    if (!session) return refuse(req, res, 401, 'noToken', headers);
    const file = resolveStatic(options.rendererDir, target.pathname);
    if (!file) return refuse(req, res, 404, 'notFound', headers);
    sendFile(res, file, sessions.rotate(session) ? { ...headers, 'Set-Cookie': cookie(session) } : headers);
  }

  function cookie(session: Session): string {
    return `${COOKIE}=${session.id}; ${cookieFlags}; Max-Age=${sessions.cookieMaxAge(session)}`;
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // A reset during our answer must not become an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      options.log.error('socket upgrade could not be answered', error);
      socket.destroy();
    }
  });

  function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const reject = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const target = parseTarget(req.url);
    if (!target) return reject(400, 'Bad Request');
    if (target.pathname !== '/ws') return reject(404, 'Not Found');
    if (!hostAllowed(req)) return reject(421, 'Misdirected Request');
    // Browsers always send Origin on sockets; scripts (the CLI, tests) may omit it but need the token.
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin.toLowerCase())) return reject(403, 'Forbidden');
    const given = target.searchParams.get('token');
    const session = given === null ? sessionOf(req) : null;
    if (given !== null ? !same(given, token) : !session) return reject(401, 'Unauthorized');
    const auth: SocketAuth = { session, tokenGeneration };
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, auth));
  }

  function serveSocket(ws: WebSocket, auth: SocketAuth): void {
    sockets.set(ws, auth);
    const calls = new SocketCalls(ws, (raw) => answerMessage(raw, options.dispatch, options.log), options.socketLimits);
    const unsubscribe = options.events.subscribe((event, payload) => {
      try {
        calls.send(JSON.stringify({ event, payload } satisfies EventMessage));
      } catch (error) {
        options.log.error(`event ${event} could not be sent`, error);
      }
    });
    ws.on('message', (data, isBinary) => {
      if (auth.session) sessions.touch(auth.session);
      // A binary frame is not a call: it is answered as a malformed message.
      calls.receive(isBinary ? '' : data.toString());
    });
    ws.on('close', () => {
      calls.dispose();
      unsubscribe();
      sockets.delete(ws);
    });
    ws.on('error', (error) => options.log.warn(`websocket error: ${error.message}`));
  }

  /** Closes sockets whose session ended or whose token was replaced with sessions ended. */
  function sweep(): void {
    sessions.sweep();
    for (const [ws, auth] of sockets) {
      const ended = auth.session ? !sessions.alive(auth.session) : auth.tokenGeneration !== tokenGeneration;
      if (ended) ws.close(CLOSE_SESSION_ENDED, 'session ended');
    }
  }
  const sweeper = setInterval(sweep, options.sweepMs ?? SWEEP_MS);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new WeirError('serve.port-in-use', { host: bind, port: options.port ?? 0 }, { cause: error }));
      else reject(new WeirError('serve.cannot-listen', { host: bind, port: options.port ?? 0, reason: error.code ?? error.message }, { cause: error }));
    });
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  server.on('error', (error) => options.log.error('browser host server error', error));
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = bind.includes(':') ? `[${bind}]` : bind;
  const publicName = remoteNames[0] ?? hostForUrl;
  origin = `${scheme}://${hostHeaders(publicName, port, tls !== undefined).at(-1)}`;
  const names = [hostForUrl, 'localhost', '127.0.0.1', ...remoteNames];
  allowedHosts = new Set(names.flatMap((n) => hostHeaders(n, port, tls !== undefined)));
  allowedOrigins = new Set([...allowedHosts].map((h) => `${scheme}://${h}`));
  options.log.info(`browser host listening on ${scheme}://${hostForUrl}:${port}`);

  return {
    get url() {
      return `${origin}/?token=${token}`;
    },
    origin,
    port,
    get token() {
      return token;
    },
    setToken(next, endSessions) {
      token = next;
      if (endSessions) {
        tokenGeneration++;
        sessions.endAll();
        sweep();
      }
    },
    close: async () => {
      clearInterval(sweeper);
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

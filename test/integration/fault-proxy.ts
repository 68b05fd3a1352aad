import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { request } from 'undici';

/**
 * A loopback HTTP proxy in front of the real JobManager that can misbehave on demand, the way
 * networks and proxies do: answer with an HTML page, stall, lose the reply after forwarding the
 * request, or be down altogether (connection refused). Everything else reaches the real Flink.
 */
export type Fault =
  | { kind: 'none' }
  | { kind: 'html' }
  | { kind: 'stall'; ms: number }
  /** Forward the request to Flink, then drop the connection without answering. */
  | { kind: 'lose-reply' }
  /** Refuse connections, like a stopped JobManager. */
  | { kind: 'down' };

export interface FaultProxy {
  readonly url: string;
  /** Applies `fault` to requests whose `METHOD path` matches (all requests when omitted). */
  set(fault: Fault, match?: RegExp): Promise<void>;
  /** `METHOD path` of every request seen, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let fault: Fault = { kind: 'none' };
  let match: RegExp | undefined;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const line = `${req.method} ${req.url}`;
    seen.push(line);
    const body = await readBody(req);
    const active = match && !match.test(line) ? { kind: 'none' as const } : fault;
    if (active.kind === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Login</title></head><body>Please sign in</body></html>');
      return;
    }
    if (active.kind === 'stall') await new Promise((resolve) => setTimeout(resolve, active.ms));
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    delete headers['transfer-encoding'];
    const upstream = await request(`${target}${req.url}`, {
      method: req.method as 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const text = Buffer.from(await upstream.body.arrayBuffer());
    if (active.kind === 'lose-reply') {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    res.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') });
    res.end(text);
  };

  const listen = async () => {
    server = createServer((req, res) => {
      handler(req, res).catch(() => res.destroy());
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async set(next, pattern) {
      const wasDown = fault.kind === 'down';
      fault = next;
      match = pattern;
      if (next.kind === 'down' && !wasDown) await stop();
      if (next.kind !== 'down' && wasDown) await listen();
    },
    close: () => (fault.kind === 'down' ? Promise.resolve() : stop()),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

import { connect, type Socket } from 'node:net';
import { WeirError } from '../../shared/errors/weir-error.js';

/** Where an e-mail channel sends: `smtp://[user@]host[:port]?from=a@x&to=b@y,c@z` (no TLS: a relay on the internal network). */
export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string | null;
  readonly from: string;
  readonly to: readonly string[];
}

export function smtpTarget(url: string): SmtpTarget {
  const u = new URL(url);
  const to = (u.searchParams.get('to') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const from = u.searchParams.get('from') ?? '';
  if (u.protocol !== 'smtp:' || !u.hostname || !from || to.length === 0) throw new WeirError('alerts.bad-smtp-url', { url: redact(url) });
  return { host: u.hostname, port: Number(u.port || 25), user: u.username ? decodeURIComponent(u.username) : null, from, to };
}

/**
 * One message over plain SMTP (EHLO, AUTH PLAIN when a user is given, MAIL, RCPT, DATA, QUIT),
 * UTF-8 subject and body (base64), so Chinese text arrives intact. Any non-2xx/3xx reply fails it.
 */
export async function sendMail(target: SmtpTarget, password: string | null, subject: string, text: string, timeoutMs = 10_000): Promise<void> {
  const socket = connect({ host: target.host, port: target.port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no reply within ${timeoutMs} ms`)));
  const replies = replyReader(socket);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    await expect(replies, 220);
    await command(socket, replies, 'EHLO weir', 250);
    if (target.user) await command(socket, replies, `AUTH PLAIN ${Buffer.from(`\0${target.user}\0${password ?? ''}`).toString('base64')}`, 235);
    await command(socket, replies, `MAIL FROM:<${target.from}>`, 250);
    for (const to of target.to) await command(socket, replies, `RCPT TO:<${to}>`, 250);
    await command(socket, replies, 'DATA', 354);
    const message = [
      `From: ${target.from}`,
      `To: ${target.to.join(', ')}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      ...(Buffer.from(text).toString('base64').match(/.{1,76}/g) ?? []),
      '.',
    ].join('\r\n');
    await command(socket, replies, message, 250);
    socket.write('QUIT\r\n');
  } catch (cause) {
    throw new WeirError('alerts.smtp-failed', { host: target.host, port: target.port, reason: (cause as Error).message }, { cause });
  } finally {
    socket.end();
  }
}

type Replies = () => Promise<{ code: number; text: string }>;

/** Multi-line replies ("250-...", "250 ...") collected into one. */
function replyReader(socket: Socket): Replies {
  let buffer = '';
  let lines: string[] = [];
  const waiting: ((r: { code: number; text: string }) => void)[] = [];
  const ready: { code: number; text: string }[] = [];
  socket.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    let at: number;
    while ((at = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      lines.push(line);
      if (line[3] !== '-') {
        const reply = { code: Number(line.slice(0, 3)), text: lines.join(' ') };
        lines = [];
        const next = waiting.shift();
        if (next) next(reply);
        else ready.push(reply);
      }
    }
  });
  return () => {
    const r = ready.shift();
    if (r) return Promise.resolve(r);
    return new Promise((resolve, reject) => {
      waiting.push(resolve);
      socket.once('close', () => reject(new Error('connection closed')));
    });
  };
}

async function expect(replies: Replies, code: number): Promise<void> {
  const reply = await replies();
  if (reply.code !== code) throw new Error(reply.text);
}

async function command(socket: Socket, replies: Replies, line: string, code: number): Promise<void> {
  socket.write(`${line}\r\n`);
  await expect(replies, code);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}

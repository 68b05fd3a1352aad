import { isIP } from 'node:net';

/** Addresses only this machine can reach: the host serves them over plain HTTP. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** `edge01.example.gov` and `10.0.0.5` pass; anything with a scheme, path, port or space does not. */
export function validHostName(name: string): boolean {
  if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(name);
}

/** `Host` header values a browser sends for `name` on `port` (the default port is left out). */
export function hostHeaders(name: string, port: number, tls: boolean): string[] {
  const n = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  const out = [`${n}:${port}`];
  if (port === (tls ? 443 : 80)) out.push(n);
  return out.map((h) => h.toLowerCase());
}

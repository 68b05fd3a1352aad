import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';

/**
 * The certificate a host serves remote browsers with: the user's own (`--tls-cert/--tls-key`),
 * or a self-signed one made once with openssl and kept in WEIR_HOME/tls, so its fingerprint,
 * which the user compares on first visit, stays the same across restarts.
 */
export interface TlsIdentity {
  readonly cert: string;
  readonly key: string;
  /** SHA-256 of the certificate, `AB:CD:…`, as browsers show it. */
  readonly fingerprint: string;
  readonly generated: boolean;
}

export function loadTlsIdentity(certFile: string, keyFile: string): TlsIdentity {
  let cert: string;
  let key: string;
  try {
    cert = readFileSync(certFile, 'utf8');
    key = readFileSync(keyFile, 'utf8');
  } catch (cause) {
    throw new WeirError('serve.tls-unreadable', { file: existsSync(certFile) ? keyFile : certFile, reason: (cause as Error).message }, { cause });
  }
  return { cert, key, fingerprint: fingerprintOf(cert, certFile), generated: false };
}

/** The kept self-signed identity when it names every host; otherwise a new one. */
export function selfSignedIdentity(dir: string, hostNames: readonly string[]): TlsIdentity {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const names = [...new Set(['localhost', '127.0.0.1', ...hostNames])];
  if (existsSync(certFile) && existsSync(keyFile)) {
    const kept = loadTlsIdentity(certFile, keyFile);
    if (coversAll(kept.cert, names)) return { ...kept, generated: true };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const san = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  const tmpCert = `${certFile}.tmp`;
  const tmpKey = `${keyFile}.tmp`;
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '825',
        '-subj', '/CN=Weir', '-addext', `subjectAltName=${san}`, '-keyout', tmpKey, '-out', tmpCert],
      { stdio: 'pipe', timeout: 30_000 },
    );
  } catch (cause) {
    rmSync(tmpCert, { force: true });
    rmSync(tmpKey, { force: true });
    throw new WeirError('serve.tls-cannot-generate', { reason: (cause as Error).message.split('\n')[0] ?? '' }, { cause });
  }
  chmodSync(tmpKey, 0o600);
  renameSync(tmpKey, keyFile);
  renameSync(tmpCert, certFile);
  return { ...loadTlsIdentity(certFile, keyFile), generated: true };
}

function fingerprintOf(cert: string, file: string): string {
  try {
    return new X509Certificate(cert).fingerprint256;
  } catch (cause) {
    throw new WeirError('serve.tls-unreadable', { file, reason: (cause as Error).message }, { cause });
  }
}

function coversAll(cert: string, names: readonly string[]): boolean {
  try {
    const x = new X509Certificate(cert);
    if (Date.parse(x.validTo) - Date.now() < 7 * 24 * 3600_000) return false;
    const san = (x.subjectAltName ?? '').split(',').map((s) => s.trim().replace(/^(DNS|IP Address):/, '').toLowerCase());
    return names.every((n) => san.includes(n.toLowerCase()));
  } catch {
    return false;
  }
}

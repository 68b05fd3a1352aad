import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import { FLINK, weirServices } from './weir-services.js';

/**
 * The real JobManager behind a TLS-terminating proxy with a certificate from a private CA, as
 * clusters in government networks are: untrusted by default (a clear TLS error), trusted with
 * the CA's PEM in the cluster settings, or with verification skipped on explicit request.
 */
describe('clusters behind TLS with a private CA', () => {
  let services: Services;
  let server: Server;
  let url: string;
  let caPem: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-it-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Weir Test CA');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    execFileSync('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.1\\n" > san.ext'], { cwd: dir });
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext');
    caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
    server = createServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, (req, res) => {
      request(`${FLINK}${req.url}`, { method: 'GET' })
        .then(async (upstream) => {
          res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
          res.end(Buffer.from(await upstream.body.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ services } = weirServices());
  });

  afterAll(async () => {
    services.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a certificate it cannot verify, with an error that says so', async () => {
    const { id } = services.clusters.save({ name: 'tls-default', kind: 'standalone', restUrl: url, variables: [] });
    const result = await services.clusters.test(id);
    expect(result.rest).toMatchObject({ ok: false, error: { code: 'cluster.tls', params: { cluster: 'tls-default' } } });
  });

  it("trusts the cluster with its CA's PEM", async () => {
    const { id } = services.clusters.save({ name: 'tls-ca', kind: 'standalone', restUrl: url, tls: { caPem, skipVerify: false }, variables: [] });
    const result = await services.clusters.test(id);
    expect(result.rest?.error).toBeUndefined();
    expect(result.rest?.overview?.flinkVersion).toBe('1.20.3');
  });

  it('skips verification only when asked', async () => {
    const { id } = services.clusters.save({ name: 'tls-skip', kind: 'standalone', restUrl: url, tls: { skipVerify: true }, variables: [] });
    expect((await services.clusters.test(id)).rest?.ok).toBe(true);
  });
});

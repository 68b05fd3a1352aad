import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import { sshClientInfo } from '../../src/main/stack/ssh-server.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { ROOT, weirServices } from './weir-services.js';

/**
 * A YARN cluster registered as the workbench and CLI do it, its edge node being the stack's
 * sshd: the first test shows an unknown host key and logs nothing in, trusting it lets the test
 * run `flink --version` there, and a changed key is refused. (No ResourceManager runs here: its
 * probe reports the unreachable URL, which is the error a user gets for a wrong RM address.)
 */
describe('YARN cluster with an SSH edge node', () => {
  let services: Services;
  let fingerprint: string;
  const info = sshClientInfo(stackPaths(join(ROOT, 'resources')), stackPorts());

  beforeAll(async () => {
    ({ services } = weirServices());
    const work = mkdtempSync(join(tmpdir(), 'weir-it-yarn-'));
    writeFileSync(join(work, 'host.pub'), `${info.hostPublicKey}\n`);
    fingerprint = (await promisify(execFile)('ssh-keygen', ['-lf', join(work, 'host.pub')])).stdout.trim().split(/\s+/)[1]!;
    const flinkHome = join(work, 'flink-1.20.3');
    mkdirSync(join(flinkHome, 'bin'), { recursive: true });
    writeFileSync(join(flinkHome, 'bin', 'flink'), '#!/bin/sh\necho "Version: 1.20.3, Commit ID: 0e8b4d5"\n');
    chmodSync(join(flinkHome, 'bin', 'flink'), 0o755);
    services.clusters.save({
      name: 'yarn-dev',
      kind: 'yarn',
      rmUrl: 'http://127.0.0.1:9',
      ssh: { host: info.host, port: info.port, user: info.user, auth: 'key', secret: readFileSync(info.privateKeyPath, 'utf8'), flinkHome },
      variables: [],
    });
  });

  afterAll(() => services.close());

  it('asks about an unknown host key, then tests the edge node once it is trusted', async () => {
    const id = services.clusters.registry.byName('yarn-dev').id;
    const first = await services.clusters.test(id);
    expect(first.ok).toBe(false);
    expect(first.ssh).toMatchObject({ ok: false, hostKey: { status: 'unknown', fingerprint }, error: { code: 'ssh.host-key-unknown' } });
    expect(first.ssh?.flinkVersion).toBeUndefined();

    expect(services.clusters.trustHostKey(id, first.ssh!.hostKey!.keyType, fingerprint)).toEqual({ trusted: true });
    const second = await services.clusters.test(id);
    expect(second.ssh).toMatchObject({ ok: true, hostKey: { status: 'trusted', fingerprint }, flinkVersion: '1.20.3' });
    expect(second.resourceManager).toMatchObject({ ok: false, error: { code: 'cluster.unreachable', params: { cluster: 'yarn-dev' } } });
  });

  it('refuses a changed host key, in the test and when asked to trust it', async () => {
    const id = services.clusters.registry.byName('yarn-dev').id;
    const other = 'SHA256:' + 'A'.repeat(43);
    services.catalog.write((db) => db.prepare('UPDATE known_hosts SET fingerprint = ?').run(other));
    const result = await services.clusters.test(id);
    expect(result.ssh).toMatchObject({ ok: false, hostKey: { status: 'changed', trustedFingerprint: other }, error: { code: 'ssh.host-key-changed' } });
    let refused: unknown;
    try {
      services.clusters.trustHostKey(id, result.ssh!.hostKey!.keyType, fingerprint);
    } catch (error) {
      refused = error;
    }
    expect((refused as WeirError).code).toBe('ssh.host-key-changed');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog/catalog.js';
import { MIGRATIONS } from '../catalog/migrations.js';
import { DeploymentStore } from '../deploy/deployment-store.js';
import { ApplicationStore } from './application-store.js';

const clock = () => new Date('2026-12-06T06:00:00Z');

describe('applications', () => {
  it('are made from the deployments a catalog already had: one per job name and cluster, the newest current', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weir-apps-')), 'catalog.sqlite');
    const old = openCatalog({ file, migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    old.write((db) => {
      db.prepare("INSERT INTO clusters (id, name, kind, created_at, updated_at) VALUES (1, 'dev', 'standalone', 't', 't'), (2, 'prod', 'standalone', 't', 't')").run();
      const insert = db.prepare(
        "INSERT INTO deployments (id, cluster_id, job_id, job_name, status, path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      );
      insert.run(1, 1, 'a'.repeat(32), 'ticks', 'CANCELED', 'runner', '2026-01-01', '2026-01-01');
      insert.run(2, 1, 'b'.repeat(32), 'ticks', 'RUNNING', 'runner', '2026-01-02', '2026-01-02');
      insert.run(3, 2, 'c'.repeat(32), 'ticks', 'RUNNING', 'jar', '2026-01-03', '2026-01-03');
    });
    old.close();

    const catalog = openCatalog({ file });
    const deployments = new DeploymentStore(catalog, clock);
    const apps = new ApplicationStore(catalog, deployments, clock);
    const list = apps.list();
    expect(list.map((a) => [a.clusterName, a.name, a.kind, a.runs, a.current?.id])).toEqual([
      ['dev', 'ticks', 'sql', 2, 2],
      ['prod', 'ticks', 'jar', 1, 3],
    ]);
    expect(deployments.get(1).applicationId).toBe(list[0]!.id);
    expect(list[0]!.createdAt).toBe('2026-01-01');

    // A new deployment of the same name joins that application and becomes its current run.
    const next = deployments.create({
      fileId: null, source: null, clusterId: 1, jobId: 'd'.repeat(32), jobName: 'ticks', path: 'runner', sqlText: 'x', options: { parallelism: 2 }, parentId: 2,
    });
    expect(next.applicationId).toBe(list[0]!.id);
    expect(apps.byName(1, 'ticks')).toMatchObject({ runs: 3, current: { id: next.id }, options: { parallelism: 2 } });
    // Another name is another application.
    deployments.create({ fileId: null, source: null, clusterId: 1, jobId: 'e'.repeat(32), jobName: 'other', path: 'runner', sqlText: 'x', options: {}, parentId: null });
    expect(apps.list({ clusterId: 1 }).map((a) => a.name)).toEqual(['other', 'ticks']);
    catalog.close();
  });
});

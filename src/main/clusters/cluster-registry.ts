import { clusterLastTestSchema, type ClusterLastTest, type ClusterView, type ParsedClusterInput } from '../../shared/contract/clusters-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { EndpointOptions } from './http/cluster-http.js';

/** Non-secret settings kept in `clusters.config`. */
interface StoredConfig {
  authHeaderName?: string;
  tls?: { caPem?: string; skipVerify?: boolean };
  yarn?: { rmUrl: string; host: string; port: number; user: string; auth: 'password' | 'key'; flinkHome: string };
}

interface ClusterRow {
  id: number;
  name: string;
  kind: 'standalone' | 'yarn';
  rest_url: string | null;
  gateway_url: string | null;
  config: string;
  auth_secret_id: number | null;
  ssh_secret_id: number | null;
  last_test: string | null;
  created_at: string;
  updated_at: string;
}

interface VariableRow {
  name: string;
  value: string | null;
  secret_id: number | null;
}

/** A cluster with what it takes to reach it: for clients only, never sent to the renderer. */
export interface ClusterAccess {
  readonly view: ClusterView;
  readonly rest: EndpointOptions | null;
  readonly gateway: EndpointOptions | null;
  readonly ssh: { host: string; port: number; user: string; password?: string; privateKey?: string; flinkHome: string } | null;
}

/**
 * The clusters Weir deploys to. Secrets (auth header values, SSH passwords and keys, secret
 * variables) go to the SecretStore; the row keeps their ids. An update that omits a secret keeps
 * the stored one, so the UI never needs to read a secret back.
 */
export class ClusterRegistry {
  constructor(
    private readonly catalog: Catalog,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
  ) {}

  list(): ClusterView[] {
    const rows = this.catalog.db.prepare('SELECT * FROM clusters ORDER BY name COLLATE NOCASE').all() as ClusterRow[];
    return rows.map((r) => this.toView(r));
  }

  get(id: number): ClusterView {
    return this.toView(this.row(id));
  }

  byName(name: string): ClusterView {
    const row = this.catalog.db.prepare('SELECT * FROM clusters WHERE name = ? COLLATE NOCASE').get(name) as ClusterRow | undefined;
    if (!row) throw new WeirError('clusters.not-found', { cluster: name });
    return this.toView(row);
  }

  /** Creates the cluster, or replaces the settings of cluster `id`. */
  save(input: ParsedClusterInput, id?: number): ClusterView {
    const now = this.clock().toISOString();
    // Secrets no longer referenced, removed once the rows stop pointing at them.
    const orphans: number[] = [];
    const newId = this.catalog.write((db) => {
      const clash = db.prepare('SELECT id FROM clusters WHERE name = ? COLLATE NOCASE').get(input.name) as { id: number } | undefined;
      if (clash && clash.id !== id) throw new WeirError('clusters.name-taken', { cluster: input.name });
      const before = id === undefined ? undefined : this.row(id);
      const config: StoredConfig = {};
      let authSecret = before?.auth_secret_id ?? null;
      let sshSecret = before?.ssh_secret_id ?? null;
      if (input.kind === 'standalone') {
        if (input.authHeader) config.authHeaderName = input.authHeader.name;
        authSecret = this.keepOrPut(orphans, authSecret, input.authHeader ? input.authHeader.value : null, 'authHeader.value');
        sshSecret = this.keepOrPut(orphans, sshSecret, null);
        if (input.tls) {
          // Like the secrets, an omitted CA keeps the stored one; an empty one clears it.
          const beforeCa = before ? (JSON.parse(before.config) as StoredConfig).tls?.caPem : undefined;
          const caPem = input.tls.caPem === undefined ? beforeCa : input.tls.caPem;
          config.tls = { ...(caPem ? { caPem } : {}), skipVerify: input.tls.skipVerify };
        }
      } else {
        const { secret, ...ssh } = input.ssh;
        config.yarn = { rmUrl: input.rmUrl, ...ssh };
        sshSecret = this.keepOrPut(orphans, sshSecret, secret, 'ssh.secret');
        authSecret = this.keepOrPut(orphans, authSecret, null);
      }
      const restUrl = input.kind === 'standalone' ? input.restUrl : null;
      const gatewayUrl = input.kind === 'standalone' ? (input.gatewayUrl ?? null) : null;
      let clusterId: number;
      if (before) {
        db.prepare(
          // Changed settings make the last test's verdict stale: the next test decides.
          'UPDATE clusters SET name = ?, kind = ?, rest_url = ?, gateway_url = ?, config = ?, auth_secret_id = ?, ssh_secret_id = ?, updated_at = ?, last_test = NULL WHERE id = ?',
        ).run(input.name, input.kind, restUrl, gatewayUrl, JSON.stringify(config), authSecret, sshSecret, now, before.id);
        clusterId = before.id;
      } else {
        clusterId = Number(
          db
            .prepare(
              'INSERT INTO clusters (name, kind, rest_url, gateway_url, config, auth_secret_id, ssh_secret_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            )
            .run(input.name, input.kind, restUrl, gatewayUrl, JSON.stringify(config), authSecret, sshSecret, now, now).lastInsertRowid,
        );
      }
      this.saveVariables(clusterId, input.variables, orphans);
      for (const secretId of orphans) this.secrets.remove(secretId);
      return clusterId;
    });
    return this.get(newId);
  }

  remove(id: number): void {
    this.catalog.write((db) => {
      const row = this.row(id);
      const deployed = db.prepare('SELECT count(*) AS n FROM deployments WHERE cluster_id = ?').get(id) as { n: number };
      if (deployed.n > 0) throw new WeirError('clusters.has-deployments', { cluster: row.name, count: deployed.n });
      const secretIds = [row.auth_secret_id, row.ssh_secret_id];
      for (const v of db.prepare('SELECT secret_id FROM cluster_variables WHERE cluster_id = ?').all(id) as VariableRow[]) {
        secretIds.push(v.secret_id);
      }
      db.prepare('DELETE FROM savepoints WHERE cluster_id = ?').run(id);
      db.prepare('DELETE FROM clusters WHERE id = ?').run(id);
      for (const s of secretIds) if (s !== null) this.secrets.remove(s);
    });
  }

  /** When the cluster's settings last changed: clients built before are stale. */
  stamp(id: number): string {
    const row = this.catalog.db.prepare('SELECT updated_at FROM clusters WHERE id = ?').get(id) as { updated_at: string } | undefined;
    if (!row) throw new WeirError('clusters.not-found', { cluster: String(id) });
    return row.updated_at;
  }

  /** Everything needed to talk to the cluster, secrets decrypted. */
  access(id: number): ClusterAccess {
    const row = this.row(id);
    const view = this.toView(row);
    const config = JSON.parse(row.config) as StoredConfig;
    const endpoint = (baseUrl: string): EndpointOptions => ({
      cluster: row.name,
      baseUrl,
      tls: config.tls,
      authHeader:
        config.authHeaderName && row.auth_secret_id !== null
          ? { name: config.authHeaderName, value: this.secrets.get(row.auth_secret_id) }
          : undefined,
    });
    let ssh: ClusterAccess['ssh'] = null;
    if (config.yarn) {
      const secret = row.ssh_secret_id !== null ? this.secrets.get(row.ssh_secret_id) : undefined;
      const { host, port, user, flinkHome, auth } = config.yarn;
      ssh = { host, port, user, flinkHome, ...(auth === 'password' ? { password: secret } : { privateKey: secret }) };
    }
    return {
      view,
      rest: row.rest_url ? endpoint(row.rest_url) : null,
      gateway: row.gateway_url ? endpoint(row.gateway_url) : null,
      ssh,
    };
  }

  /** Keeps the verdict of a connection test, so the list shows a failing cluster as failing until a test passes. */
  recordTest(id: number, ok: boolean, error?: ClusterLastTest['error']): void {
    const test: ClusterLastTest = { ok, at: this.clock().toISOString(), ...(error ? { error } : {}) };
    this.catalog.write((db) => db.prepare('UPDATE clusters SET last_test = ? WHERE id = ?').run(JSON.stringify(test), id));
  }

  /** Variable values for `${name}` substitution; `secret` names which ones must never be shown. */
  variables(id: number): { values: Map<string, string>; secret: Set<string> } {
    const rows = this.catalog.db.prepare('SELECT name, value, secret_id FROM cluster_variables WHERE cluster_id = ?').all(id) as VariableRow[];
    const values = new Map<string, string>();
    const secret = new Set<string>();
    for (const r of rows) {
      if (r.secret_id !== null) {
        values.set(r.name, this.secrets.get(r.secret_id));
        secret.add(r.name);
      } else values.set(r.name, r.value ?? '');
    }
    return { values, secret };
  }

  private saveVariables(clusterId: number, variables: ParsedClusterInput['variables'], orphans: number[]): void {
    const db = this.catalog.db;
    const before = new Map(
      (db.prepare('SELECT name, value, secret_id FROM cluster_variables WHERE cluster_id = ?').all(clusterId) as VariableRow[]).map((r) => [r.name, r]),
    );
    const seen = new Set<string>();
    for (const v of variables) {
      if (seen.has(v.name)) throw new WeirError('clusters.variable-twice', { name: v.name });
      seen.add(v.name);
      const old = before.get(v.name);
      if (v.secret) {
        const secretId = this.keepOrPut(orphans, old?.secret_id ?? null, v.value, `variables.${v.name}`);
        db.prepare('INSERT OR REPLACE INTO cluster_variables (cluster_id, name, value, secret_id) VALUES (?, ?, NULL, ?)').run(clusterId, v.name, secretId);
      } else {
        if (v.value === undefined) throw new WeirError('clusters.variable-without-value', { name: v.name });
        db.prepare('INSERT OR REPLACE INTO cluster_variables (cluster_id, name, value, secret_id) VALUES (?, ?, ?, NULL)').run(clusterId, v.name, v.value);
        if (old?.secret_id) orphans.push(old.secret_id);
      }
    }
    for (const [name, old] of before) {
      if (seen.has(name)) continue;
      db.prepare('DELETE FROM cluster_variables WHERE cluster_id = ? AND name = ?').run(clusterId, name);
      if (old.secret_id !== null) orphans.push(old.secret_id);
    }
  }

  /** Secret slot update: undefined keeps, null clears, a string replaces (or creates). */
  private keepOrPut(orphans: number[], existing: number | null, value: string | null | undefined, field?: string): number | null {
    if (value === undefined) {
      if (existing === null && field) throw new WeirError('clusters.secret-missing', { field });
      return existing;
    }
    if (value === null) {
      if (existing !== null) orphans.push(existing);
      return null;
    }
    if (existing !== null) {
      this.secrets.replace(existing, value);
      return existing;
    }
    return this.secrets.put(value);
  }

  private row(id: number): ClusterRow {
    const row = this.catalog.db.prepare('SELECT * FROM clusters WHERE id = ?').get(id) as ClusterRow | undefined;
    if (!row) throw new WeirError('clusters.not-found', { cluster: String(id) });
    return row;
  }

  private toView(row: ClusterRow): ClusterView {
    const config = JSON.parse(row.config) as StoredConfig;
    const variables = (
      this.catalog.db.prepare('SELECT name, value, secret_id FROM cluster_variables WHERE cluster_id = ? ORDER BY name').all(row.id) as VariableRow[]
    ).map((v) => ({ name: v.name, secret: v.secret_id !== null, value: v.secret_id !== null ? null : v.value }));
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      restUrl: row.rest_url,
      gatewayUrl: row.gateway_url,
      authHeaderName: config.authHeaderName ?? null,
      tls: { hasCa: Boolean(config.tls?.caPem), skipVerify: Boolean(config.tls?.skipVerify) },
      yarn: config.yarn ?? null,
      variables,
      lastTest: parseLastTest(row.last_test),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

function parseLastTest(json: string | null): ClusterLastTest | null {
  if (json === null) return null;
  try {
    const parsed = clusterLastTestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

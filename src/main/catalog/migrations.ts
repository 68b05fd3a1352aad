/**
 * Versioned schema of the catalog. A migration is never edited once released: add a new one.
 * `PRAGMA user_version` holds the applied version; each migration runs in its own transaction
 * together with the version bump, so a crash leaves the previous version intact.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workbench foundation',
    sql: `
      CREATE TABLE workspaces (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE sql_files (
        id           INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        content      TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        -- soft delete: deployments keep pointing at the file and its versions
        deleted_at   TEXT
      );
      CREATE UNIQUE INDEX sql_files_live_name ON sql_files(workspace_id, name) WHERE deleted_at IS NULL;

      CREATE TABLE sql_file_versions (
        id          INTEGER PRIMARY KEY,
        file_id     INTEGER NOT NULL REFERENCES sql_files(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('auto', 'manual', 'deploy')),
        content     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (file_id, number)
      );

      -- ciphertext only; scheme names the cipher that can open it
      CREATE TABLE secrets (
        id          INTEGER PRIMARY KEY,
        scheme      TEXT NOT NULL,
        ciphertext  BLOB NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE datasources (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL CHECK (kind IN ('mysql', 'postgres', 'oracle', 'clickhouse', 'elasticsearch', 'kafka')),
        host               TEXT NOT NULL,
        port               INTEGER NOT NULL,
        database_name      TEXT,
        username           TEXT,
        password_secret_id INTEGER REFERENCES secrets(id),
        options            TEXT NOT NULL DEFAULT '{}',
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      );

      CREATE TABLE clusters (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        kind           TEXT NOT NULL CHECK (kind IN ('standalone', 'yarn')),
        rest_url       TEXT,
        gateway_url    TEXT,
        config         TEXT NOT NULL DEFAULT '{}',
        auth_secret_id INTEGER REFERENCES secrets(id),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );

      CREATE TABLE resources (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('connector', 'udf', 'jar', 'file')),
        sha256       TEXT NOT NULL UNIQUE,
        size         INTEGER NOT NULL,
        stored_path  TEXT NOT NULL,
        created_at   TEXT NOT NULL
      );

      CREATE TABLE deployments (
        id          INTEGER PRIMARY KEY,
        file_id     INTEGER REFERENCES sql_files(id),
        version_id  INTEGER REFERENCES sql_file_versions(id),
        cluster_id  INTEGER NOT NULL REFERENCES clusters(id),
        job_id      TEXT,
        job_name    TEXT NOT NULL,
        status      TEXT NOT NULL,
        options     TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX deployments_by_cluster_job ON deployments(cluster_id, job_id);

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

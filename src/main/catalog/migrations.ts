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
  {
    version: 2,
    name: 'clusters, deploy and operate',
    sql: `
      -- non-secret connection settings live in clusters.config (JSON); secrets by id only
      ALTER TABLE clusters ADD COLUMN ssh_secret_id INTEGER REFERENCES secrets(id);

      -- values for \${name} placeholders in SQL, per cluster; secret ones are stored encrypted
      CREATE TABLE cluster_variables (
        cluster_id  INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        value       TEXT,
        secret_id   INTEGER REFERENCES secrets(id),
        PRIMARY KEY (cluster_id, name),
        CHECK ((value IS NULL) <> (secret_id IS NULL))
      );

      -- SSH host keys the user accepted (trust on first use; a changed key is refused)
      CREATE TABLE known_hosts (
        host         TEXT NOT NULL,
        port         INTEGER NOT NULL,
        key_type     TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        trusted_at   TEXT NOT NULL,
        PRIMARY KEY (host, port)
      );

      -- the runner jar (or a user jar) as uploaded to a cluster, so it is uploaded once
      CREATE TABLE cluster_jars (
        cluster_id   INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        sha256       TEXT NOT NULL,
        jar_id       TEXT NOT NULL,
        uploaded_at  TEXT NOT NULL,
        PRIMARY KEY (cluster_id, sha256)
      );

      ALTER TABLE deployments ADD COLUMN path TEXT NOT NULL DEFAULT 'runner';
      -- the SQL exactly as submitted, secret variables left as placeholders
      ALTER TABLE deployments ADD COLUMN sql_text TEXT;
      ALTER TABLE deployments ADD COLUMN error TEXT;
      -- the deployment this one restarted or rolled back from
      ALTER TABLE deployments ADD COLUMN parent_id INTEGER REFERENCES deployments(id);

      CREATE TABLE savepoints (
        id             INTEGER PRIMARY KEY,
        cluster_id     INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        job_id         TEXT NOT NULL,
        deployment_id  INTEGER REFERENCES deployments(id),
        trigger_id     TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('savepoint', 'stop')),
        status         TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
        location       TEXT,
        error          TEXT,
        created_at     TEXT NOT NULL,
        completed_at   TEXT
      );
      CREATE INDEX savepoints_by_job ON savepoints(cluster_id, job_id);
    `,
  },
  {
    version: 3,
    name: 'cluster connection tests',
    sql: `
      -- the last connection test ({ok, at, error}) as JSON: a cluster saved while its test fails stays marked failing
      ALTER TABLE clusters ADD COLUMN last_test TEXT;
    `,
  },
  {
    version: 4,
    name: 'applications',
    sql: `
      -- One identity per job: a name on a cluster, its file (or jar), the options it was last
      -- deployed with and its current deployment. Deployments are its runs.
      CREATE TABLE applications (
        id                     INTEGER PRIMARY KEY,
        name                   TEXT NOT NULL,
        cluster_id             INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        file_id                INTEGER REFERENCES sql_files(id),
        kind                   TEXT NOT NULL CHECK (kind IN ('sql', 'jar')),
        options                TEXT NOT NULL DEFAULT '{}',
        current_deployment_id  INTEGER REFERENCES deployments(id),
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        UNIQUE (cluster_id, name)
      );
      ALTER TABLE deployments ADD COLUMN application_id INTEGER REFERENCES applications(id);
      CREATE INDEX deployments_by_application ON deployments(application_id);

      -- Existing deployments: one application per job name on a cluster, the newest deployment current.
      INSERT INTO applications (name, cluster_id, file_id, kind, options, current_deployment_id, created_at, updated_at)
        SELECT d.job_name, d.cluster_id, d.file_id, CASE d.path WHEN 'jar' THEN 'jar' ELSE 'sql' END, d.options, d.id,
               (SELECT min(created_at) FROM deployments e WHERE e.cluster_id = d.cluster_id AND e.job_name = d.job_name),
               d.updated_at
        FROM deployments d
        WHERE d.id = (SELECT max(id) FROM deployments e WHERE e.cluster_id = d.cluster_id AND e.job_name = d.job_name);
      UPDATE deployments SET application_id =
        (SELECT a.id FROM applications a WHERE a.cluster_id = deployments.cluster_id AND a.name = deployments.job_name);
    `,
  },
  {
    version: 5,
    name: 'application restart policy and events',
    sql: `
      -- {"mode":"off"} or {"mode":"on-failure","maxRestarts":N,"windowMinutes":M}
      ALTER TABLE applications ADD COLUMN restart_policy TEXT NOT NULL DEFAULT '{"mode":"off"}';

      -- What Weir did to an application on its own (restarts by policy, giving up), for its history.
      CREATE TABLE application_events (
        id              INTEGER PRIMARY KEY,
        application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('auto-restart', 'restart-failed', 'gave-up')),
        -- the run that failed
        deployment_id   INTEGER REFERENCES deployments(id),
        detail          TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL
      );
      CREATE INDEX application_events_by_app ON application_events(application_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'alert channels',
    sql: `
      -- Where alerts go. The URL (a robot's, with its token; or smtp://user@host:port?from=&to=) and the
      -- signing secret (or the SMTP password) are secrets.
      CREATE TABLE alert_channels (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        kind            TEXT NOT NULL CHECK (kind IN ('dingtalk', 'wecom', 'lark', 'webhook', 'email')),
        url_secret_id   INTEGER NOT NULL REFERENCES secrets(id),
        sign_secret_id  INTEGER REFERENCES secrets(id),
        -- JSON array of the events it receives: FAILED, RESTARTING, LOST
        events          TEXT NOT NULL,
        created_at      TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'file sizes kept beside the text',
    sql: `
      -- listing files and versions must not read every text to learn its size; triggers keep the
      -- size right for every writer (editor saves, deploy versions)
      ALTER TABLE sql_files ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sql_file_versions ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
      UPDATE sql_files SET size = length(CAST(content AS BLOB));
      UPDATE sql_file_versions SET size = length(CAST(content AS BLOB));
      CREATE TRIGGER sql_files_size_insert AFTER INSERT ON sql_files BEGIN
        UPDATE sql_files SET size = length(CAST(NEW.content AS BLOB)) WHERE id = NEW.id;
      END;
      CREATE TRIGGER sql_files_size_update AFTER UPDATE OF content ON sql_files BEGIN
        UPDATE sql_files SET size = length(CAST(NEW.content AS BLOB)) WHERE id = NEW.id;
      END;
      CREATE TRIGGER sql_file_versions_size_insert AFTER INSERT ON sql_file_versions BEGIN
        UPDATE sql_file_versions SET size = length(CAST(NEW.content AS BLOB)) WHERE id = NEW.id;
      END;
      CREATE TRIGGER sql_file_versions_size_update AFTER UPDATE OF content ON sql_file_versions BEGIN
        UPDATE sql_file_versions SET size = length(CAST(NEW.content AS BLOB)) WHERE id = NEW.id;
      END;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

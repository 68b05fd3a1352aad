import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { daemonPid, isAlive, sleep, startDaemon, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * PostgreSQL for the local stack: the Debian server binaries running our own cluster in
 * `<data>/postgres` on 127.0.0.1 only, with logical decoding on for Flink postgres-cdc.
 * Roles: `weir`/`weir` (superuser, replication) owns database `city`; the bootstrap
 * superuser is `postgres`/`postgres`. TCP only: no unix socket, so a long WEIR_STACK_HOME
 * cannot overflow the 107-byte socket path limit and nothing clashes with a system server.
 */

const run = promisify(execFile);
const NAME = 'postgres';
const USER = 'weir';
const PASSWORD = 'weir';
const DATABASE = 'city';
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';
/** Written into the cluster once the seed went through, so later starts skip it. */
const SEEDED_MARKER = 'weir-seeded';

export function createPostgresPart(paths: StackPaths, ports: StackPorts): StackPart {
  const dataDir = join(paths.data, 'postgres');
  const port = ports.postgres;
  const asRoot = process.getuid?.() === 0;

  /** Server binaries of the major version the cluster was made with (or the newest installed). */
  const binDir = (): string => {
    const root = '/usr/lib/postgresql';
    const versionFile = join(dataDir, 'PG_VERSION');
    const wanted = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
    const installed = existsSync(root)
      ? readdirSync(root)
          .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    if (wanted !== undefined && installed.length > 0 && !installed.includes(wanted)) {
      throw new Error(
        `${dataDir} was made by PostgreSQL ${wanted}, but only ${installed.join(', ')} is installed; ` +
          `install postgresql-${wanted} or delete ${dataDir} to start afresh`,
      );
    }
    const version = wanted ?? installed[0];
    if (version !== undefined) return join(root, version, 'bin');
    // Not Debian's layout (Homebrew, Postgres.app): the folder on PATH that holds the server.
    // The desktop app on macOS has the login shell's PATH and Homebrew's keg folders on it.
    const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')));
    if (onPath) return onPath;
    throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql or on PATH; run scripts/install-system-deps.sh');
  };

  /** PostgreSQL refuses to run as root: then the Debian `postgres` OS user runs it. */
  const asServerUser = (command: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--reset-env', '--', command, ...args]]
      : [command, args];

  const psql = async (user: string, password: string, database: string, args: string[], timeoutMs = 10_000) => {
    const { stdout } = await run(
      join(binDir(), 'psql'),
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, ...args],
      {
        timeout: timeoutMs,
        env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '3', PGSSLMODE: 'disable', PGAPPNAME: 'weir-stack' },
      },
    );
    return stdout.trim();
  };

  const initCluster = async (): Promise<void> => {
    // A half-made cluster (initdb interrupted) has no PG_VERSION: start it afresh.
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = join(paths.data, 'postgres-init.pw');
    writeFileSync(pwFile, SUPERUSER_PASSWORD, { mode: 0o600 });
    try {
      if (asRoot) {
        const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
          throw new Error('running as root needs the `postgres` OS user (created by the Debian postgresql package)');
        });
        const uid = Number(stdout.trim());
        const { stdout: gidOut } = await run('id', ['-g', 'postgres']);
        chownSync(dataDir, uid, Number(gidOut.trim()));
        chownSync(pwFile, uid, Number(gidOut.trim()));
        // The server runs as `postgres`, which must be able to walk down to the data dir.
        const [cmd, args] = asServerUser('test', ['-w', dataDir, '-a', '-r', pwFile]);
        await run(cmd, args).catch(() => {
          throw new Error(
            `the postgres OS user cannot reach ${dataDir}: PostgreSQL refuses to run as root, so the stack runs it ` +
              `as "postgres", which needs search (x) permission on every parent folder. ` +
              `Set WEIR_STACK_HOME to a folder outside /root (for example /var/tmp/weir-stack).`,
          );
        });
      }
      const [cmd, args] = asServerUser(join(binDir(), 'initdb'), [
        '-D', dataDir,
        '-U', SUPERUSER,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
        // A throwaway dev cluster: skip initdb's final fsync, which costs seconds on a busy CI disk.
        '--no-sync',
      ]);
      await run(cmd, args, { cwd: dataDir, timeout: 120_000 }).catch((error: { stderr?: string; message: string }) => {
        throw new Error(`initdb failed for ${dataDir}: ${error.stderr?.trim() || error.message}`);
      });
    } finally {
      rmSync(pwFile, { force: true });
    }
  };

  const seed = async (): Promise<void> => {
    const seedFile = join(paths.resources, 'stack', 'seed', 'postgres.sql');
    await psql(SUPERUSER, SUPERUSER_PASSWORD, 'postgres', [
      '-c',
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${USER}') THEN
           CREATE ROLE ${USER} LOGIN SUPERUSER REPLICATION PASSWORD '${PASSWORD}';
         END IF;
       END $$;`,
    ]);
    const exists = await psql(SUPERUSER, SUPERUSER_PASSWORD, 'postgres', [
      '-At',
      '-c',
      `SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`,
    ]);
    if (exists !== '1') {
      await psql(SUPERUSER, SUPERUSER_PASSWORD, 'postgres', [
        '-c',
        `CREATE DATABASE ${DATABASE} OWNER ${USER} ENCODING 'UTF8' TEMPLATE template0`,
      ]);
    }
    // One transaction: a failed seed leaves no half-filled tables and is retried next start.
    await psql(USER, PASSWORD, DATABASE, ['-1', '-f', seedFile], 120_000);
    writeFileSync(join(dataDir, SEEDED_MARKER), new Date().toISOString());
  };

  const query = (sql: string) => psql(USER, PASSWORD, DATABASE, ['-At', '-c', sql], 5_000);

  const stopServer = async (): Promise<void> => {
    // SIGINT is PostgreSQL's fast shutdown; SIGTERM (stopDaemon) would wait for CDC clients to leave.
    const pid = daemonPid(paths, NAME);
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 20_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    }
    await stopDaemon(paths, NAME);
  };

  return {
    name: NAME,
    port,

    async prepare() {
      if (!existsSync(join(dataDir, 'PG_VERSION'))) await initCluster();
    },

    async start() {
      const [cmd, args] = asServerUser(join(binDir(), 'postgres'), [
        '-D', dataDir,
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `port=${port}`,
        '-c', 'unix_socket_directories=',
        // Flink postgres-cdc: logical decoding, a slot and a WAL sender per running job.
        '-c', 'wal_level=logical',
        '-c', 'max_replication_slots=20',
        '-c', 'max_wal_senders=20',
        // A CDC job deleted without dropping its slot must not fill the disk with WAL.
        '-c', 'max_slot_wal_keep_size=1GB',
        '-c', 'shared_buffers=64MB',
        '-c', 'timezone=Asia/Shanghai',
        '-c', 'log_timezone=Asia/Shanghai',
        '-c', 'logging_collector=off',
      ]);
      startDaemon(paths, { name: NAME, command: cmd, args, cwd: dataDir });
      try {
        await waitHealthy(
          paths,
          NAME,
          async () => (await psql(SUPERUSER, SUPERUSER_PASSWORD, 'postgres', ['-At', '-c', 'SELECT 1'], 5_000)) === '1',
          60_000,
        );
        if (!existsSync(join(dataDir, SEEDED_MARKER))) {
          await seed().catch((error: { stderr?: string; message: string }) => {
            throw new Error(`seeding PostgreSQL database ${DATABASE} failed: ${error.stderr?.trim() || error.message}`);
          });
        }
        const wal = await query('SHOW wal_level');
        if (wal !== 'logical') throw new Error(`PostgreSQL runs with wal_level=${wal}, not logical`);
      } catch (error) {
        // Leave nothing half-started behind: the next `up` starts from a clean slate.
        await stopServer();
        throw error;
      }
    },

    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, NAME);
      try {
        const version = await query("SELECT current_setting('server_version')");
        return { name: NAME, port, running: true, healthy: true, pid, detail: `PostgreSQL ${version}, database ${DATABASE}` };
      } catch (error) {
        const running = pid !== undefined || (await tcpOpen(port));
        const why = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
        return { name: NAME, port, running, healthy: false, pid, detail: running ? why : 'not running' };
      }
    },

    stop: stopServer,
  };
}

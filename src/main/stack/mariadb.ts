import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { daemonPid, startDaemon, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * MariaDB for the local stack (stands in for the MySQL servers Flink mysql-cdc reads): the
 * Debian server with its own datadir in `<data>/mariadb`, bound to 127.0.0.1, row-based
 * binlog for CDC, user `weir`/`weir` with the privileges mysql-cdc needs, database `city`.
 * The server time zone is +08:00 like the users' servers, so mysql-cdc sources need
 * 'server-time-zone' = 'Asia/Shanghai' (the connector checks it against the server).
 */

const run = promisify(execFile);
const NAME = 'mariadb';
const USER = 'weir';
const PASSWORD = 'weir';
const INSTALLED_MARKER = 'weir-installed';
const SEEDED_MARKER = 'weir-seeded';

/** Debian puts servers in /usr/sbin, which a non-root PATH often lacks. */
function binary(debianPath: string): string {
  if (existsSync(debianPath)) return debianPath;
  return debianPath.slice(debianPath.lastIndexOf('/') + 1);
}

export function createMariadbPart(paths: StackPaths, ports: StackPorts): StackPart {
  const dataDir = join(paths.data, 'mariadb');
  const configFile = join(paths.data, 'mariadb.cnf');
  const port = ports.mariadb;
  const asRoot = process.getuid?.() === 0;
  const osUser = userInfo().username;
  // Unix socket paths are limited to ~107 bytes; a deep WEIR_STACK_HOME gets one in the temp dir.
  const preferredSocket = join(paths.run, 'mariadb.sock');
  const socket =
    preferredSocket.length < 100
      ? preferredSocket
      : join(tmpdir(), `weir-mariadb-${createHash('sha256').update(paths.home).digest('hex').slice(0, 12)}.sock`);

  const writeConfig = (): void => {
    const lines = [
      '# Written by Weir (src/main/stack/mariadb.ts) on every `stack up`; edits are overwritten.',
      '[mariadbd]',
      `datadir=${dataDir}`,
      `port=${port}`,
      'bind-address=127.0.0.1',
      `socket=${socket}`,
      `pid-file=${join(dataDir, 'mariadbd.pid')}`,
      // Root must say so explicitly; anyone else runs the server as themselves.
      ...(asRoot ? ['user=root'] : []),
      // Accounts are matched by IP, and connections never wait on reverse DNS.
      'skip-name-resolve',
      // Flink mysql-cdc reads the binlog as a replica: row events with full before/after images.
      'server_id=1',
      'log_bin=binlog',
      'binlog_format=ROW',
      'binlog_row_image=FULL',
      'expire_logs_days=3',
      'character-set-server=utf8mb4',
      'collation-server=utf8mb4_unicode_ci',
      "default-time-zone='+08:00'",
      // Small footprint: this is a demo server beside Flink and Kafka on a laptop.
      'innodb_buffer_pool_size=64M',
      'innodb_log_file_size=16M',
      'performance_schema=OFF',
      'max_connections=200',
      '',
    ];
    writeFileSync(configFile, lines.join('\n'));
  };

  /** Runs SQL through the unix socket as the OS user, whom mariadb-install-db made an admin. */
  const adminSql = (sql: string, timeoutMs = 120_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        binary('/usr/bin/mariadb'),
        ['--no-defaults', '--protocol=socket', `--socket=${socket}`, `--user=${osUser}`, '--batch', '--skip-column-names', '--connect-timeout=5'],
        { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true },
      );
      let out = '';
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(out.trim());
        else reject(new Error(err.trim() || `mariadb client exited with ${code}`));
      });
      // While the server starts, the client may exit before reading its input: the exit code and
      // stderr above say why, so a broken pipe here must not become an unhandled error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(sql);
    });

  /** A query over TCP as `weir`, the way Flink and the app connect. */
  const query = async (sql: string): Promise<string> => {
    const { stdout } = await run(
      binary('/usr/bin/mariadb'),
      ['--no-defaults', '--protocol=tcp', '-h', '127.0.0.1', '-P', String(port), '-u', USER, '--batch', '--skip-column-names', '--connect-timeout=3', '-e', sql],
      { timeout: 5_000, env: { ...process.env, MYSQL_PWD: PASSWORD } },
    );
    return stdout.trim();
  };

  const seed = async (): Promise<void> => {
    const seedSql = readFileSync(join(paths.resources, 'stack', 'seed', 'mariadb.sql'), 'utf8');
    const users = [`'${USER}'@'%'`, `'${USER}'@'localhost'`];
    await adminSql(
      [
        ...users.map((u) => `CREATE USER IF NOT EXISTS ${u} IDENTIFIED BY '${PASSWORD}';`),
        // What Flink mysql-cdc documents for its user, plus ownership of the demo database.
        `GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO ${users.join(', ')};`,
        `GRANT ALL PRIVILEGES ON city.* TO ${users.join(', ')};`,
        seedSql,
      ].join('\n'),
    );
    writeFileSync(join(dataDir, SEEDED_MARKER), new Date().toISOString());
  };

  return {
    name: NAME,
    port,

    async prepare() {
      mkdirSync(paths.run, { recursive: true });
      writeConfig();
      if (existsSync(join(dataDir, INSTALLED_MARKER))) return;
      // An interrupted install leaves a partial datadir; mariadb-install-db wants a clean one.
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      await run(
        binary('/usr/bin/mariadb-install-db'),
        [
          `--defaults-file=${configFile}`,
          '--skip-test-db',
          '--auth-root-authentication-method=socket',
          `--auth-root-socket-user=${osUser}`,
          ...(asRoot ? ['--user=root'] : []),
        ],
        { timeout: 120_000 },
      ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`mariadb-install-db failed for ${dataDir}: ${(error.stderr || error.stdout || error.message).trim()}`);
      });
      writeFileSync(join(dataDir, INSTALLED_MARKER), new Date().toISOString());
    },

    async start() {
      // --defaults-file must come first; it keeps /etc/mysql/my.cnf (the system server's) out.
      startDaemon(paths, { name: NAME, command: binary('/usr/sbin/mariadbd'), args: [`--defaults-file=${configFile}`] });
      try {
        await waitHealthy(paths, NAME, async () => (await adminSql('SELECT 1', 5_000)) === '1', 60_000);
        if (!existsSync(join(dataDir, SEEDED_MARKER))) {
          await seed().catch((error: Error) => {
            throw new Error(`seeding MariaDB database city failed: ${error.message}`);
          });
        }
        const format = await query('SELECT @@binlog_format');
        if (format !== 'ROW') throw new Error(`MariaDB runs with binlog_format=${format}, not ROW`);
      } catch (error) {
        // Leave nothing half-started behind: the next `up` starts from a clean slate.
        await stopDaemon(paths, NAME, 30_000);
        throw error;
      }
    },

    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, NAME);
      try {
        const version = await query('SELECT VERSION()');
        return { name: NAME, port, running: true, healthy: true, pid, detail: `MariaDB ${version}, database city` };
      } catch (error) {
        const running = pid !== undefined || (await tcpOpen(port));
        const why = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
        return { name: NAME, port, running, healthy: false, pid, detail: running ? why : 'not running' };
      }
    },

    async stop() {
      // SIGTERM is mariadbd's clean shutdown (InnoDB flushes; binlog closed for CDC readers).
      await stopDaemon(paths, NAME, 30_000);
    },
  };
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daemonPid, startDaemon, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * ClickHouse for the local stack: the Debian clickhouse-server (18.16 in bookworm, old but
 * speaks the same HTTP and native protocols) with a generated config that keeps every path
 * under `<data>/clickhouse` and listens on 127.0.0.1 only. Users: `default` (no password)
 * and `weir`/`weir`. Database `city` holds the sink tables of resources/stack/seed/clickhouse.sql.
 */

const NAME = 'clickhouse';
const USER = 'weir';
const PASSWORD = 'weir';
const SEEDED_MARKER = 'weir-seeded';

export function createClickhousePart(paths: StackPaths, ports: StackPorts): StackPart {
  const root = join(paths.data, 'clickhouse');
  const dataDir = join(root, 'data');
  const configFile = join(root, 'config.xml');
  const httpPort = ports.clickhouseHttp;
  const base = `http://127.0.0.1:${httpPort}`;

  const writeConfig = (): void => {
    const dir = (d: string) => `${xmlText(join(dataDir, d))}/`;
    // `<yandex>` is the root element 18.x knows; newer servers still accept it.
    // No interserver_http_port, query_log or mysql port: nothing listens beyond HTTP and TCP.
    writeFileSync(
      configFile,
      `<?xml version="1.0"?>
<!-- Written by Weir (src/main/stack/clickhouse.ts) on every \`stack up\`; edits are overwritten. -->
<yandex>
  <!-- Console only: the stack's daemon log (${xmlText(join(paths.logs, `${NAME}.log`))}) captures it. -->
  <logger><level>information</level><console>1</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${ports.clickhouseTcp}</tcp_port>
  <path>${dir('')}</path>
  <tmp_path>${dir('tmp')}</tmp_path>
  <user_files_path>${dir('user_files')}</user_files_path>
  <format_schema_path>${dir('format_schemas')}</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>Asia/Shanghai</timezone>
  <max_concurrent_queries>100</max_concurrent_queries>
  <!-- Defaults are 5 GiB and 8 GiB; this server shares a laptop with Flink and Kafka. -->
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
</yandex>
`,
    );
    const user = (password: string) => `<password>${password}</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>`;
    writeFileSync(
      join(root, 'users.xml'),
      `<?xml version="1.0"?>
<!-- Written by Weir (src/main/stack/clickhouse.ts) on every \`stack up\`; edits are overwritten. -->
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage></default>
    <readonly><readonly>1</readonly></readonly>
  </profiles>
  <users>
    <default>
      ${user('')}
    </default>
    <${USER}>
      ${user(PASSWORD)}
    </${USER}>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`,
    );
  };

  /** One statement over HTTP as `weir`; ClickHouse answers 200 with the result or 500 with `Code: …`. */
  const query = async (sql: string, timeoutMs = 10_000): Promise<string> => {
    const response = await fetch(`${base}/`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
      body: sql,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await response.text()).trim();
    if (!response.ok) throw new Error(`ClickHouse ${response.status}: ${text}`);
    return text;
  };

  const ping = async (): Promise<boolean> => {
    const response = await fetch(`${base}/ping`, { signal: AbortSignal.timeout(2_000) });
    return response.ok && (await response.text()).trim() === 'Ok.';
  };

  const seed = async (): Promise<void> => {
    const script = readFileSync(join(paths.resources, 'stack', 'seed', 'clickhouse.sql'), 'utf8');
    // The HTTP interface takes one statement per request.
    const statements = script
      .split('\n')
      .filter((line) => !line.trim().startsWith('--'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    for (const statement of statements) await query(statement, 60_000);
    writeFileSync(join(root, SEEDED_MARKER), new Date().toISOString());
  };

  return {
    name: NAME,
    port: httpPort,

    async prepare() {
      for (const d of ['', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dataDir, d), { recursive: true });
      writeConfig();
    },

    async start() {
      const server = existsSync('/usr/sbin/clickhouse-server') ? '/usr/sbin/clickhouse-server' : 'clickhouse-server';
      startDaemon(paths, { name: NAME, command: server, args: [`--config-file=${configFile}`], cwd: root });
      try {
        await waitHealthy(paths, NAME, async () => (await ping()) && (await query('SELECT 1', 5_000)) === '1', 60_000);
        if (!existsSync(join(root, SEEDED_MARKER))) {
          await seed().catch((error: Error) => {
            throw new Error(`creating the ClickHouse sink tables failed: ${error.message}`);
          });
        }
      } catch (error) {
        // Leave nothing half-started behind: the next `up` starts from a clean slate.
        await stopDaemon(paths, NAME, 30_000);
        throw error;
      }
    },

    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, NAME);
      try {
        if (!(await ping())) throw new Error('/ping did not answer Ok.');
        const version = await query('SELECT version()', 5_000);
        return { name: NAME, port: httpPort, running: true, healthy: true, pid, detail: `ClickHouse ${version}, ${base}` };
      } catch (error) {
        const running = pid !== undefined || (await tcpOpen(httpPort));
        return { name: NAME, port: httpPort, running, healthy: false, pid, detail: running ? (error as Error).message : 'not running' };
      }
    },

    async stop() {
      await stopDaemon(paths, NAME, 30_000);
    },
  };
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

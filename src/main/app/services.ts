import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/contract.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import { FileService } from '../files/file-service.js';
import type { SecretCipher } from '../secrets/secret-cipher.js';
import { SecretStore } from '../secrets/secret-store.js';
import { SettingsService } from '../settings/settings-service.js';
import { LocalStackService } from '../stack/local-stack-service.js';
import { createStackParts } from '../stack/parts.js';
import { stackPaths, stackPorts } from '../stack/stack-config.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import type { Logger } from './logger.js';
import { systemClock, type Clock } from './clock.js';
import { EventHub } from './event-hub.js';
import { APP_VERSION } from './version.js';

export interface ServicesOptions {
  readonly home: string;
  readonly host: AppInfo['host'];
  readonly cipher: SecretCipher;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
  readonly resourcesDir: string;
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

/** Everything the hosts expose, built once per process from explicit dependencies. */
export interface Services {
  readonly catalog: Catalog;
  readonly events: EventHub;
  readonly workspaces: WorkspaceService;
  readonly files: FileService;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly stack: LocalStackService;
  info(): AppInfo;
  /** The embedded default: bring the local stack up when no cluster is configured (WEIR_LOCAL_STACK=off disables). */
  autostartLocalStack(): void;
  close(): void;
}

export function catalogFile(home: string): string {
  return join(home, 'catalog.sqlite');
}

export function createServices(options: ServicesOptions): Services {
  const clock = options.clock ?? systemClock;
  const catalog = openCatalog({
    file: catalogFile(options.home),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const events = new EventHub();
  const workspaces = new WorkspaceService(catalog, clock);
  workspaces.ensureDefault();
  const env = options.env ?? process.env;
  const paths = stackPaths(options.resourcesDir, env);
  const ports = stackPorts(env);
  const stack = new LocalStackService(createStackParts(paths, ports), paths, ports, events.emit, options.log);
  return {
    stack,
    autostartLocalStack: () => {
      if (env.WEIR_LOCAL_STACK === 'off') return;
      const clusters = (catalog.db.prepare('SELECT count(*) AS n FROM clusters').get() as { n: number }).n;
      if (clusters === 0) void stack.up();
    },
    catalog,
    events,
    workspaces,
    files: new FileService(catalog, clock, events.emit),
    settings: new SettingsService(catalog, events.emit),
    secrets: new SecretStore(catalog, options.cipher, clock),
    info: () => ({ version: APP_VERSION, host: options.host, home: options.home, catalogVersion: catalog.version }),
    close: () => catalog.close(),
  };
}

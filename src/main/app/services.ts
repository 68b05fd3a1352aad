import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/contract.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import { FileService } from '../files/file-service.js';
import type { SecretCipher } from '../secrets/secret-cipher.js';
import { SecretStore } from '../secrets/secret-store.js';
import { SettingsService } from '../settings/settings-service.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import { systemClock, type Clock } from './clock.js';
import { EventHub } from './event-hub.js';
import { APP_VERSION } from './version.js';

export interface ServicesOptions {
  readonly home: string;
  readonly host: AppInfo['host'];
  readonly cipher: SecretCipher;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
}

/** Everything the hosts expose, built once per process from explicit dependencies. */
export interface Services {
  readonly catalog: Catalog;
  readonly events: EventHub;
  readonly workspaces: WorkspaceService;
  readonly files: FileService;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  info(): AppInfo;
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
  return {
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

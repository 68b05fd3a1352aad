import { existsSync } from 'node:fs';
import type { Locale } from '../../shared/contract/contract.js';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers.js';
import type { AppPaths } from '../app/app-paths.js';
import type { Logger } from '../app/logger.js';
import { createServices } from '../app/services.js';
import type { Keyring } from '../secrets/keyring.js';
import { migrateKeyringSecrets } from '../secrets/migrate-keyring-secrets.js';
import { sharedSecretCipher } from '../secrets/shared-secret-cipher.js';

/** What the desktop host needs of the services: narrow, so its tests can fake it. */
export interface HostServices {
  dispatch(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): void;
  /** Starts the job monitor and, when no cluster is configured, the local stack. */
  startBackground(): void;
  locale(): Locale | null;
  keepStackOnQuit(): boolean;
  /** Stops the stack parts this process started (none when it only found them running). */
  stopStartedStack(): Promise<readonly string[]>;
  close(): void;
}

export interface OpenOptions {
  readonly home: string;
  readonly paths: AppPaths;
  readonly keyring: Keyring;
  readonly log: Logger;
}

/** The real services, built exactly as `weir serve` builds them, with the shared key file. */
export function openHostServices(options: OpenOptions): HostServices {
  const { home, paths, keyring, log } = options;
  const cipher = sharedSecretCipher(home, keyring, log);
  const services = createServices({
    home,
    host: 'desktop',
    cipher,
    resourcesDir: paths.resourcesDir,
    runnerJar: paths.runnerJar,
    log,
    // Absent when run from a checkout whose Electron copy was never built: better-sqlite3's own then.
    ...(existsSync(paths.electronSqlite) ? { nativeBinding: paths.electronSqlite } : {}),
  });
  migrateKeyringSecrets(services.catalog, keyring, cipher, log);
  const dispatch = createDispatcher(createHandlers(services), services.log);
  return {
    dispatch,
    subscribe: (listener) => services.events.subscribe(listener),
    startBackground: () => {
      services.autostartLocalStack();
      services.monitor.start();
    },
    locale: () => services.settings.get().locale,
    keepStackOnQuit: () => services.settings.get().keepStackOnQuit,
    stopStartedStack: () => services.stack.stopStarted(),
    close: () => services.close(),
  };
}

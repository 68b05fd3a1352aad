import type { Logger } from '../app/logger.js';
import type { DesktopPlatform } from './desktop-platform.js';
import type { HostServices } from './host-services.js';

/**
 * Holds the quit until the local stack parts this app started are stopped (its daemons are
 * detached and would otherwise keep some 4 GiB of JVMs and databases running), unless the user
 * chose to keep them (setting `keepStackOnQuit`). Windows hide at once; the process ends after.
 */
export function installQuitGuard(platform: DesktopPlatform, services: () => HostServices | null, log: Logger): { quitting(): boolean } {
  let phase: 'running' | 'stopping' | 'done' = 'running';
  platform.onBeforeQuit((prevent) => {
    if (phase === 'done') return;
    prevent();
    if (phase === 'stopping') return;
    phase = 'stopping';
    for (const window of platform.windows()) if (!window.isDestroyed()) window.hide();
    void shutdown(services(), log).finally(() => {
      phase = 'done';
      platform.quit();
    });
  });
  return { quitting: () => phase !== 'running' };
}

async function shutdown(services: HostServices | null, log: Logger): Promise<void> {
  if (!services) return;
  let keep = false;
  try {
    keep = services.keepStackOnQuit();
  } catch (error) {
    log.error('desktop: cannot read keepStackOnQuit; stopping the stack', error);
  }
  try {
    if (keep) log.info('desktop: quitting; the local stack keeps running (keepStackOnQuit)');
    else {
      const stopped = await services.stopStartedStack();
      log.info(stopped.length > 0 ? `desktop: quitting; stopped ${stopped.join(', ')}` : 'desktop: quitting; this app started no stack part');
    }
  } catch (error) {
    log.error('desktop: stopping the local stack failed', error);
  }
  try {
    services.close();
  } catch (error) {
    log.error('desktop: closing the services failed', error);
  }
}

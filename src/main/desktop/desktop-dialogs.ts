import type { i18n } from 'i18next';
import { describeError } from '../../shared/i18n/translator.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { MessageBox } from './desktop-platform.js';

/** The host's own dialogs, worded in the user's language (resources/locales, `desktop.*`). */

/** What went wrong, in words: a Weir error's message and hint, else the error's first lines. */
export function reasonOf(t: i18n, error: unknown): string {
  if (error instanceof WeirError) {
    const text = describeError(t, error.toData());
    return text.hint ? `${text.message}\n${text.hint}` : text.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').slice(0, 6).join('\n');
}

/** Buttons: 0 quit, 1 open the log folder. */
export function startFailedBox(t: i18n, error: unknown, logFile: string): MessageBox {
  return {
    type: 'error',
    title: t.t('desktop.startFailed.title'),
    message: t.t('desktop.startFailed.message'),
    detail: t.t('desktop.startFailed.detail', { reason: reasonOf(t, error), logFile }),
    buttons: [t.t('desktop.quit'), t.t('desktop.openLogs')],
  };
}

/** Buttons: 0 reload, 1 quit. */
export function loadFailedBox(t: i18n, description: string, url: string): MessageBox {
  return {
    type: 'error',
    title: t.t('desktop.loadFailed.title'),
    message: t.t('desktop.loadFailed.message'),
    detail: t.t('desktop.loadFailed.detail', { description, url }),
    buttons: [t.t('desktop.reload'), t.t('desktop.quit')],
  };
}

/** Buttons: 0 reload, 1 quit. */
export function rendererGoneBox(t: i18n, reason: string): MessageBox {
  return {
    type: 'error',
    title: t.t('desktop.rendererGone.title'),
    message: t.t('desktop.rendererGone.message'),
    detail: t.t('desktop.rendererGone.detail', { reason }),
    buttons: [t.t('desktop.reload'), t.t('desktop.quit')],
  };
}

/** A launch while the last one is still stopping its stack parts. One button: OK. */
export function stillQuittingBox(t: i18n): MessageBox {
  return {
    type: 'warning',
    title: t.t('desktop.stillQuitting.title'),
    message: t.t('desktop.stillQuitting.message'),
    detail: t.t('desktop.stillQuitting.detail'),
    buttons: [t.t('desktop.ok')],
  };
}

import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../contract/contract.js';
import { errorHintKey, errorMessageKey, type ErrorParams, type WeirErrorData } from '../errors/weir-error.js';
import { resources } from './locales.js';

/** An i18next instance over Weir's resources; the renderer wraps the same one in react-i18next. */
export function createTranslator(locale: Locale): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A parameter value shaped like an i18n key ('sql.expect.expression', 'clusters.kind.yarn'). */
const KEY_SHAPE = /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9_-]+)+$/;

/** True when `value` names a string of Weir's own translations (in the current language or English). */
export function isMessageKey(t: Pick<i18n, 'getResource' | 'language'>, value: string): boolean {
  if (!KEY_SHAPE.test(value)) return false;
  for (const lng of [t.language, 'en']) if (typeof t.getResource(lng, 'translation', value) === 'string') return true;
  return false;
}

/**
 * The rule for message parameters: a parameter is a name, a number, or the key of its own
 * translated string (`expected: 'sql.expect.expression'`), never prose. Keys are translated here,
 * in the language the message is rendered in, before they are put into the message.
 */
export function translateParams(t: i18n, params: ErrorParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' && isMessageKey(t, value) ? t.t(value, params) : value;
  return out;
}

/** The message of a SQL diagnostic (`sql.<code>.message`, `message_suggest` with a did-you-mean). */
export function describeDiagnostic(t: i18n, code: string, params: ErrorParams): string {
  return t.t(`${code}.message`, { ...translateParams(t, params), defaultValue: code });
}

/** The hint of a SQL diagnostic, when its code has one. */
export function diagnosticHint(t: i18n, code: string, params: ErrorParams): string | undefined {
  const key = `${code}.hint`;
  return t.exists(key) ? t.t(key, translateParams(t, params)) : undefined;
}

export interface ErrorText {
  readonly message: string;
  readonly hint?: string;
}

/** The words of an error in the current language; unknown codes still say something useful. */
export function describeError(t: i18n, error: WeirErrorData): ErrorText {
  const params = translateParams(t, error.params);
  const messageKey = errorMessageKey(error.code);
  const message = t.exists(messageKey)
    ? t.t(messageKey, params)
    : t.t('errors.unknown.message', { code: error.code, params: JSON.stringify(error.params) });
  const hintKey = errorHintKey(error.code);
  return t.exists(hintKey) ? { message, hint: t.t(hintKey, params) } : { message };
}

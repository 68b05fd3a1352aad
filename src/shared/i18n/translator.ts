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
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' && isMessageKey(t, value) ? OPEN + t.t(value, params) + CLOSE : value;
  return out;
}

/** Marks around a translated parameter while the message is put together. */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const CJK = '[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]';
const SPACE_BEFORE = new RegExp(`(?<=${CJK}) ${OPEN}(?=${CJK})`, 'g');
const SPACE_AFTER = new RegExp(`(?<=${CJK})${CLOSE} (?=${CJK})`, 'g');

/**
 * A message with its translated parameters in place. Templates keep a space around a parameter
 * for Latin words ("此处应为 FROM"); where the parameter is itself Chinese, Chinese puts no
 * space between the words ("此处应为表名").
 */
export function fillIn(t: i18n, key: string, params: ErrorParams, options: Record<string, unknown> = {}): string {
  return t.t(key, { ...translateParams(t, params), ...options }).replace(SPACE_BEFORE, '').replace(SPACE_AFTER, '').replace(/[\u0001\u0002]/g, '');
}

/** The message of a SQL diagnostic (`sql.<code>.message`, `message_suggest` with a did-you-mean). */
export function describeDiagnostic(t: i18n, code: string, params: ErrorParams): string {
  return fillIn(t, `${code}.message`, params, { defaultValue: code });
}

/** The hint of a SQL diagnostic, when its code has one. */
export function diagnosticHint(t: i18n, code: string, params: ErrorParams): string | undefined {
  const key = `${code}.hint`;
  return t.exists(key) ? fillIn(t, key, params) : undefined;
}

export interface ErrorText {
  readonly message: string;
  readonly hint?: string;
}

/** The words of an error in the current language; unknown codes still say something useful. */
export function describeError(t: i18n, error: WeirErrorData): ErrorText {
  const messageKey = errorMessageKey(error.code);
  const message = t.exists(messageKey)
    ? fillIn(t, messageKey, error.params)
    : t.t('errors.unknown.message', { code: error.code, params: JSON.stringify(error.params) });
  const hintKey = errorHintKey(error.code);
  return t.exists(hintKey) ? { message, hint: fillIn(t, hintKey, error.params) } : { message };
}

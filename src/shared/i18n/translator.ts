import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../contract/contract.js';
import { errorHintKey, errorMessageKey, type WeirErrorData } from '../errors/weir-error.js';
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

export interface ErrorText {
  readonly message: string;
  readonly hint?: string;
}

/** The words of an error in the current language; unknown codes still say something useful. */
export function describeError(t: i18n, error: WeirErrorData): ErrorText {
  const params = { ...error.params };
  const messageKey = errorMessageKey(error.code);
  const message = t.exists(messageKey)
    ? t.t(messageKey, params)
    : t.t('errors.unknown.message', { code: error.code, params: JSON.stringify(error.params) });
  const hintKey = errorHintKey(error.code);
  return t.exists(hintKey) ? { message, hint: t.t(hintKey, params) } : { message };
}

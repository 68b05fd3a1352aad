import connectorsEn from '../../../resources/locales/sql-connectors/en.json' with { type: 'json' };
import connectorsZh from '../../../resources/locales/sql-connectors/zh-CN.json' with { type: 'json' };
import functionsEn from '../../../resources/locales/sql-functions/en.json' with { type: 'json' };
import functionsZh from '../../../resources/locales/sql-functions/zh-CN.json' with { type: 'json' };
import type { Locale } from '../contract/contract.js';

/**
 * One-line docs of built-in functions and connector options, in both languages. Kept apart from
 * i18next because their keys are option names full of dots ('scan.startup.mode').
 */
const FUNCTIONS: Record<Locale, Record<string, string>> = { en: functionsEn, 'zh-CN': functionsZh };
const OPTIONS: Record<Locale, Record<string, Record<string, string>>> = {
  en: connectorsEn as Record<string, Record<string, string>>,
  'zh-CN': connectorsZh as Record<string, Record<string, string>>,
};

export function functionDoc(locale: Locale, name: string): string | undefined {
  return FUNCTIONS[locale][name.toUpperCase()] ?? FUNCTIONS.en[name.toUpperCase()];
}

export function optionDoc(locale: Locale, group: string, key: string): string | undefined {
  return OPTIONS[locale][group]?.[key] ?? OPTIONS.en[group]?.[key];
}

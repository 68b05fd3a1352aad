import { useEffect, useMemo } from 'react';
import type { Locale } from '../../shared/contract/contract.js';
import { pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';

/** One i18next instance for the page; its language follows the setting, else the browser. */
export const translator = createTranslator(pickLocale(navigator.languages ?? [navigator.language]));

export function useLocaleSetting(locale: Locale | null): Locale {
  const effective = useMemo(() => locale ?? pickLocale(navigator.languages ?? [navigator.language]), [locale]);
  useEffect(() => {
    if (translator.language !== effective) void translator.changeLanguage(effective);
    document.documentElement.lang = effective;
  }, [effective]);
  return effective;
}

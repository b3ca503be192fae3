/** @jsxRuntime automatic */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGS as ENGINE_CATALOGS, renderMessage, type MessageKey as EngineKey } from '@attune/engine';
import type { MessageKey } from '../i18n/catalog-en.ts';
import { htmlLang, localeFormat, type LocaleFormat } from '../i18n/locale-format.ts';
import { CATALOGS, isLocale, pickLocale, translate, type Locale, type Params } from '../i18n/translate.ts';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** A UI string. */
  t(key: MessageKey, params?: Params): string;
  /** A finding rendered by the engine's catalogs (coach, escalation, next step, channel, IHEART step); the code if unknown. */
  engine(key: string, params?: Readonly<Record<string, string | number | boolean | undefined>>): string;
  hasEngine(key: string): boolean;
  readonly fmt: LocaleFormat;
}

const STORAGE_KEY = 'attune.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be blocked (embedded in a third-party iframe): fall through to the browser's languages.
  }
  return typeof navigator === 'undefined' ? 'en' : pickLocale(navigator.languages);
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void = () => undefined): I18n {
  const catalog = CATALOGS[locale];
  const engineCatalog = ENGINE_CATALOGS[locale];
  return {
    locale,
    setLocale,
    t: (key, params) => translate(catalog, key, params),
    hasEngine: (key) => Object.hasOwn(engineCatalog, key),
    engine: (key, params = {}) =>
      Object.hasOwn(engineCatalog, key) ? renderMessage(locale, key as EngineKey, params) : key,
    fmt: localeFormat(locale),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ children, locale: fixed }: { readonly children: ReactNode; readonly locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const value = useMemo(
    () =>
      makeI18n(locale, (l) => {
        setLocaleState(l);
        try {
          localStorage.setItem(STORAGE_KEY, l);
        } catch {
          // Not remembered across visits; the choice still applies now.
        }
      }),
    [locale],
  );
  useEffect(() => {
    if (typeof document !== 'undefined') {
      document.documentElement.lang = htmlLang(locale);
      document.title = `${value.t('app.title')} — ${value.t('app.tagline')}`;
    }
  }, [locale, value]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

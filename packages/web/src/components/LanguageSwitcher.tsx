/** @jsxRuntime automatic */
import { useId } from 'react';
import { useI18n } from '../app/i18n-context.tsx';
import { isLocale, LOCALE_NAMES, LOCALES } from '../i18n/translate.ts';

export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

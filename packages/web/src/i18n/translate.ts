import { en, type Catalog, type MessageKey } from './catalog-en.ts';
import { ru } from './catalog-ru.ts';
import { zh } from './catalog-zh.ts';

/** The UI languages. */
export const LOCALES = ['en', 'zh', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, zh, ru };

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', zh: '中文', ru: 'Русский' };

export type Params = Readonly<Record<string, string | number>>;

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/**
 * The first of the browser's preferred languages that Attune speaks (`zh-CN` -> zh, `ru-RU` -> ru), else English.
 *
 * @example
 * ```ts
 * pickLocale(['de-DE', 'ru-RU', 'en']); // 'ru'
 * ```
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.slice(0, 2).toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

/** Whether a catalog has this key; codes from the server are looked up this way before falling back. */
export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Renders a message: `{name}` placeholders are replaced by the params. A missing param stays visible as `{name}`
 * so a gap shows up in review rather than as an empty string.
 */
export function translate(catalog: Catalog, key: MessageKey, params: Params = {}): string {
  const template = catalog[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `{param}` names a template uses, sorted: the test checks every language uses the same ones. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

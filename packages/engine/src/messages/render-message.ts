import type { Catalog, MessageKey, MessageParams } from './catalog.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';

export const CATALOGS: Readonly<Record<'en' | 'zh' | 'ru', Catalog>> = { en, zh, ru };

/** The catalog for a language tag (`zh-CN` -> zh); English for any language without one. */
export function catalogFor(lang: string | undefined): Catalog {
  const l = lang?.slice(0, 2).toLowerCase();
  return l === 'zh' ? zh : l === 'ru' ? ru : en;
}

/**
 * Renders a finding's code and parameters as words in the reader's language.
 *
 * @example
 * ```ts
 * renderMessage('ru', 'coach.no_expectation', { phrase: 'мы разберёмся' });
 * // «мы разберёмся» — обещание без срока. Назовите конкретный срок.
 * ```
 */
export function renderMessage(lang: string | undefined, key: MessageKey, params: MessageParams = {}): string {
  return catalogFor(lang)[key](params);
}

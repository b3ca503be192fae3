import type { LanguageLexicon } from './lexicon.ts';
import { EN_LEXICON } from './en.ts';
import { RU_LEXICON } from './ru.ts';
import { ZH_LEXICON } from './zh.ts';

export type { LanguageLexicon, LexiconEntry, Modifier, SymbolEntry } from './lexicon.ts';
export { SYMBOLS } from './symbols.ts';
export { EN_LEXICON, RU_LEXICON, ZH_LEXICON };

/** The shipped lexicons by language, as the analyzer and the trainer take them. */
export const LEXICONS: Readonly<Record<'en' | 'zh' | 'ru', LanguageLexicon>> = {
  en: EN_LEXICON,
  zh: ZH_LEXICON,
  ru: RU_LEXICON,
};

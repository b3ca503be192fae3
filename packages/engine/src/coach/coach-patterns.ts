import type { PatternLang } from '../conversation/text-span.ts';
import { en } from './coach-patterns.en.ts';
import { ru } from './coach-patterns.ru.ts';
import { zh } from './coach-patterns.zh.ts';

/**
 * The language knowledge behind the draft coach, per language: regex alternatives (no flags) and rewrites written in
 * that language, so a suggestion is in the language of the draft whatever the agent's UI language.
 * Every list aims at precision: a phrase belongs here only if a team lead would flag it in any context.
 */
export interface CoachPatterns {
  /** Refusals and dead ends ("I can't refund that", "没办法", "не можем"). */
  readonly negative: readonly string[];
  /** A refusal that already offers an alternative in the same sentence is fine ("..., but I can offer ..."). */
  readonly alternativeOffered: readonly string[];
  /** Phrases that contain a refusal word but are not refusals ("I can't wait to", "不能再等了"). */
  readonly negativeExceptions: readonly string[];
  readonly blame: readonly string[];
  readonly arguing: readonly string[];
  /** Closing the conversation: "I'll close this ticket", "закрываю обращение". */
  readonly closing: readonly string[];
  /** A promise with no time frame: "I'll look into it", "我们会尽快处理", "мы разберёмся". */
  readonly vaguePromise: readonly string[];
  /** Words that make a promise immediate (no time frame needed): "now", "马上", "сейчас". */
  readonly immediate: readonly string[];
  /** Agent words too casual for a formal customer. */
  readonly casual: readonly string[];
  /** Jokey, upbeat words that jar with an upset customer. */
  readonly jokey: readonly string[];
  /** Emoji, cutesy particles and chatty markers that jar with an upset or formal customer. */
  readonly cutesy: readonly string[];
  /** Farewell formulas; closing with one before anything is resolved is rushing. */
  readonly farewell: readonly string[];
  /** Generic statements ("usually", "一般", "обычно") that answer the category, not this customer. */
  readonly generic: readonly string[];
  /** Familiar address forms (ru ты, zh 你); absent where the language has none. */
  readonly familiarYou: readonly string[];
  /**
   * Whom familiar address offends: `formal` — only a customer who wrote the polite form (zh: 你 is the everyday
   * default in Chinese chat, a mismatch only towards someone who wrote 您); `not_informal` — anyone who did not
   * write the familiar form themselves (ru: Вы is the default with a stranger, so ты to a neutral customer jars).
   */
  readonly familiarYouOffends: 'formal' | 'not_informal';
  /** Word-for-word replacements that turn familiar or casual wording into the respectful form. */
  readonly politeForms: Readonly<Record<string, string>>;
  readonly rewrites: {
    /** Replaces a refusal: what can be done. */
    readonly negative: string;
    readonly blame: string;
    readonly arguing: string;
    /** Replaces a canned apology with a specific one. */
    readonly cannedApology: string;
    readonly rushing: string;
    /** Appended to a vague promise: `{promise}` is the agent's words. */
    readonly noExpectation: string;
    /** Prepended when an apology is missing. */
    readonly missingApology: string;
  };
  /** Canned apologies among the canned phrases (get the `cannedApology` rewrite). */
  readonly cannedApology: readonly string[];
}

export const COACH_PATTERNS: Readonly<Record<PatternLang, CoachPatterns>> = { en, zh, ru };

import { en } from './reply-patterns.en.ts';
import { ru } from './reply-patterns.ru.ts';
import { zh } from './reply-patterns.zh.ts';
import type { PatternLang } from './text-span.ts';

/**
 * The language knowledge behind IHEART step, behaviour and question detection in an agent's reply: regex
 * alternatives (no flags, no outer group) per language. Kept as data so each language can be reviewed by a
 * speaker in one place. Patterns favour precision: a step is only credited for wording a team lead would accept.
 */
export interface ReplyPatterns {
  /** Words naming a customer's emotion ("frustrated", "着急", "расстроены"). */
  readonly emotionWords: readonly string[];
  /** An acknowledgement that, in the same sentence as an emotion word, names the customer's feeling. */
  readonly acknowledge: readonly string[];
  /** Whole phrases that name the customer's emotion by themselves ("you must be frustrated"). */
  readonly identify: readonly string[];
  /** Phrases that make an emotion word not about the customer ("don't worry", "no need to be upset"). */
  readonly identifyBlockers: readonly string[];
  /**
   * An emotion word that describes the situation ("that's worrying", "确实让人着急", "换谁都会难过"): empathy, so
   * it does not count as naming this customer's feeling (identify).
   */
  readonly situationEmotion: readonly string[];
  /** Restating the problem ("just to confirm", "您的意思是", "правильно ли я понимаю"). */
  readonly restate: readonly string[];
  /** Words that make a question a request for information. */
  readonly clarifyingQuestion: readonly string[];
  /** Questions that offer something rather than ask ("would you like me to...?"): not clarifying. */
  readonly offerQuestion: readonly string[];
  readonly empathize: readonly string[];
  /**
   * "I understand", "理解", "понимаю": empathy by itself, but when the same sentence names the customer's emotion
   * ("I understand how worrying this is") the sentence is identify, and does not count twice.
   */
  readonly understand: readonly string[];
  /** "...how / 有多 / как": understanding that goes on to what the situation is like, which is empathy. */
  readonly understandHow: readonly string[];
  /** The customer asks something ("?", "why", "为什么", "почему"): a factual reply to it settles the question. */
  readonly customerQuestion: readonly string[];
  /** A declarative answer: yes/no at the start, a number, a date, a weekday ("your contract ends on 14 September"). */
  readonly factualAnswer: readonly string[];
  /** What usually happens ("orders usually arrive in 3-5 days"): answers the category, so it settles nothing. */
  readonly categoryAnswer: readonly string[];
  readonly apologize: readonly string[];
  /** A completed action ("I've issued a refund"). */
  readonly resolveDone: readonly string[];
  /** A commitment that becomes Resolve only with a time frame in the same sentence ("I'll check"). */
  readonly commitment: readonly string[];
  /** A commitment to a concrete action, Resolve with or without a time frame ("I'll send a replacement"). */
  readonly concreteCommitment: readonly string[];
  /** A concrete time frame ("within 2 hours", "明天", "до конца дня"); "soon" and "ASAP" are not time frames. */
  readonly timeFrame: readonly string[];
  /** Concrete instructions the customer can follow now ("go to Settings", "请点击"). */
  readonly instruction: readonly string[];
  readonly thank: readonly string[];
  readonly anticipate: readonly string[];
  readonly explain: readonly string[];
  readonly educate: readonly string[];
  readonly support: readonly string[];
  readonly personalTouch: readonly string[];
  readonly openingCheck: readonly string[];
  readonly closingCheck: readonly string[];
}

export const REPLY_PATTERNS: Readonly<Record<PatternLang, ReplyPatterns>> = { en, zh, ru };

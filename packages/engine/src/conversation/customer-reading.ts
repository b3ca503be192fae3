import type { CustomerPatterns, TextEscalationReason } from './customer-patterns.ts';
import { CUSTOMER_PATTERNS } from './customer-patterns.ts';
import type { PatternLang, TextSpan } from './text-span.ts';
import { findSpans, patternLang, wordsRegex } from './text-span.ts';

/** The register a message is written in, from address forms and tell-tale words. */
export type Register = 'formal' | 'informal' | 'neutral';

/** What the engine reads in one customer message besides emotion. */
export interface CustomerReading {
  readonly lang: PatternLang | undefined;
  /** Escalation signals in the words, each with the words that carry it. */
  readonly signals: readonly { readonly reason: TextEscalationReason; readonly span: TextSpan }[];
  /** Words in capitals (Latin or Cyrillic, 3+ letters), when they make up a real share of the message. */
  readonly shouting: readonly TextSpan[];
  /** Runs of three or more exclamation marks. */
  readonly exclamationRuns: readonly TextSpan[];
  /** The customer reports something the company got wrong: an apology is due. */
  readonly companyFault: readonly TextSpan[];
  /** The customer says it is solved / thanks for the fix. */
  readonly confirms: boolean;
  /** The customer says it is still not solved (overrides `confirms`). */
  readonly stillBroken: boolean;
  readonly register: Register;
  /** The name the customer gives ("my name is Anna", a signature). */
  readonly selfName?: string;
  /** Order numbers and other identifiers (5+ characters with digits), to check that replies use them. */
  readonly identifiers: readonly string[];
}

interface Compiled {
  readonly escalation: readonly { readonly reason: TextEscalationReason; readonly re: RegExp }[];
  readonly companyFault: RegExp;
  readonly confirmation: RegExp;
  readonly stillBroken: RegExp;
  readonly formal: RegExp;
  readonly informal: RegExp;
  readonly selfName: readonly RegExp[];
}

const cache = new Map<PatternLang, Compiled>();

function compiled(lang: PatternLang): Compiled {
  const hit = cache.get(lang);
  if (hit !== undefined) return hit;
  const p: CustomerPatterns = CUSTOMER_PATTERNS[lang];
  const c: Compiled = {
    escalation: (Object.keys(p.escalation) as TextEscalationReason[]).map((reason) => ({
      reason,
      re: wordsRegex(lang, p.escalation[reason]),
    })),
    companyFault: wordsRegex(lang, p.companyFault),
    confirmation: wordsRegex(lang, p.confirmation),
    stillBroken: wordsRegex(lang, p.stillBroken),
    formal: wordsRegex(lang, p.formal),
    informal: wordsRegex(lang, p.informal),
    // Names are matched case-sensitively (a capital letter is what makes them names).
    selfName: p.selfName.map((s) => new RegExp(s, 'mu')),
  };
  cache.set(lang, c);
  return c;
}

const CAPS_WORD = /(?<![\p{L}])[\p{Lu}]{3,}(?![\p{L}])/gu;
const LETTER_WORD = /\p{L}{3,}/gu;
const EXCLAMATION_RUN = /[!！]{3,}/gu;
// Latin and Cyrillic letters only: Chinese has no spaces, so a Han run would swallow the whole sentence around a code.
const ID_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}-]';
const IDENTIFIER = new RegExp(
  `(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])(?:#|№|No\\.?\\s?)?(?=${ID_CHAR}*\\d)${ID_CHAR}{5,}(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])`,
  'gu',
);
// Common acronyms that are capitals without shouting.
const ACRONYMS = new Set([
  'USB',
  'SMS',
  'PDF',
  'FAQ',
  'API',
  'URL',
  'USA',
  'EUR',
  'USD',
  'RUB',
  'CNY',
  'DHL',
  'UPS',
  'VPN',
  'iOS',
  'ASAP',
  'PIN',
  'CVV',
  'IBAN',
  'SWIFT',
  'ATM',
  'GPS',
  'TV',
  'ID',
  'ИНН',
  'СМС',
  'РФ',
  'МТС',
  'ЖКХ',
  'ТВ',
]);

/** Order numbers and other identifiers in a text (5+ characters with a digit; dates and plain amounts excluded). */
export function identifiersIn(text: string): string[] {
  return (
    findSpans(text, IDENTIFIER)
      .map((s) => s.text)
      // Dates, prices and phone-like runs of digits are not identifiers a reply should echo.
      .filter((s) => !/^\d{1,4}([-./]\d{1,4})*$/u.test(s))
  );
}

/**
 * Reads one customer message for escalation signals, the company's fault, confirmation, register, name and
 * identifiers. Pure and fast (a few regex passes).
 */
export function readCustomerMessage(text: string, hint?: string): CustomerReading {
  const lang = patternLang(text, hint);
  const shouting = shoutingSpans(text);
  const exclamationRuns = findSpans(text, EXCLAMATION_RUN);
  const identifiers = identifiersIn(text);
  if (lang === undefined) {
    return {
      lang,
      signals: [],
      shouting,
      exclamationRuns,
      companyFault: [],
      confirms: false,
      stillBroken: false,
      register: 'neutral',
      identifiers,
    };
  }
  const c = compiled(lang);
  const signals = c.escalation.flatMap(({ reason, re }) => findSpans(text, re).map((span) => ({ reason, span })));
  signals.sort((a, b) => a.span.start - b.span.start);
  const stillBroken = findSpans(text, c.stillBroken).length > 0;
  const companyFault = findSpans(text, c.companyFault);
  // A closing "thanks" on a long complaint or a question is politeness, not confirmation that it is solved.
  const confirms =
    !stillBroken &&
    companyFault.length === 0 &&
    !/[?？]/u.test(text) &&
    text.length <= 160 &&
    findSpans(text, c.confirmation).length > 0;
  const formal = findSpans(text, c.formal).length;
  const informal = findSpans(text, c.informal).length;
  const register: Register = formal > informal ? 'formal' : informal > formal ? 'informal' : 'neutral';
  let selfName: string | undefined;
  for (const re of c.selfName) {
    const m = re.exec(text);
    if (m?.[1] !== undefined) {
      selfName = m[1];
      break;
    }
  }
  return {
    lang,
    signals,
    shouting,
    exclamationRuns,
    companyFault,
    confirms,
    stillBroken,
    register,
    ...(selfName === undefined ? {} : { selfName }),
    identifiers,
  };
}

function shoutingSpans(text: string): TextSpan[] {
  const caps = findSpans(text, CAPS_WORD).filter((s) => !ACRONYMS.has(s.text));
  if (caps.length === 0) return [];
  const words = text.match(LETTER_WORD)?.length ?? 0;
  // One capitalised word is emphasis; shouting is several, or most of a short message.
  const share = caps.length / Math.max(1, words);
  return caps.length >= 2 && share >= 0.25 ? caps : caps.length >= 1 && words <= 3 && share >= 0.5 ? caps : [];
}

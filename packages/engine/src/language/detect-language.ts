import { languageTag, probability, type LanguageTag, type Probability } from '../brands.ts';

/** What `detectLanguage` returns: a BCP 47 primary subtag and how sure the detector is of it. */
export interface DetectedLanguage {
  readonly tag: LanguageTag;
  readonly confidence: Probability;
}

/**
 * Only the head of a text is read: a few thousand characters settle the language, and the cost stays
 * bounded for pasted logs or megabyte e-mails.
 */
export const DETECT_SCAN_LIMIT = 4096;

// Languages told apart by words and accents (Latin and Cyrillic). Bits of a mask, indexes of `scores`.
const EN = 0;
const ES = 1;
const FR = 2;
const DE = 3;
const PT = 4;
const IT = 5;
const NL = 6;
const TR = 7;
const PL = 8;
const ID = 9;
const VI = 10;
const RU = 11;
const UK = 12;
const BG = 13;
const WORD_LANGS = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'tr', 'pl', 'id', 'vi', 'ru', 'uk', 'bg'] as const;
const LATIN_LANG_COUNT = 11;
/** Marks a word that many languages borrow ("ok"): it counts half. */
const WEAK = 1 << 20;

/**
 * Function words and everyday customer-service words per language, lowercase. A word listed under several
 * languages counts for each of them; the other words of the message break the tie. English carries some
 * service vocabulary ("refund", "order") so that a two-word request such as "refund please" is still English.
 */
const WORD_LISTS: readonly (readonly [number, string])[] = [
  [
    EN,
    'the and is are was were you your my me it its this that to of for with have has had not but be been can could would ' +
      'will do does did what why how when where please thanks thank thx hi hello hey dear just still yet already ' +
      'any some get got from on at an we our they he she there if or all about out up am im dont cant isn didn doesn ' +
      'wasn haven aren couldn won ve ll order refund account received waiting money payment delivery delivered ' +
      'cancel help need want issue problem working support charged package shipping tracking item days weeks ' +
      'nothing anyone someone wrong again never really very much any',
  ],
  [
    ES,
    'el los las que y un una por para con es mi mis su pero muy ya hola gracias pedido porque está estoy tengo ' +
      'hace cuando qué cómo dónde favor ayuda nada todavía aún sí lo le se del al no la de en',
  ],
  [
    PT,
    'o os as um uma não é do da dos das em no na com meu minha você obrigado obrigada pedido está estou tenho ' +
      'ainda já mas muito mais por para que olá oi ajuda porque quando isso isto ele ela eu foi favor se de',
  ],
  [
    FR,
    'le la les des du et est je vous tu il elle nous pas ne mon ma mes votre vos pour avec sur dans une bonjour ' +
      'merci commande toujours rien mais très ça ce cette qui que ai été sont suis remboursement aide svp oui non ' +
      'un en de se',
  ],
  [
    DE,
    'der die das und ist ich nicht mit ein eine einen mein meine sie wir es zu auf für von bitte danke hallo noch ' +
      'schon aber auch wie warum was wo habe hat bestellung keine kein nur bei dem den im sehr geld immer leider ' +
      'mir mich dass wenn so in',
  ],
  [
    IT,
    'il lo gli di che è non per con sono ho ha mio mia ma grazie ciao ordine ancora come perché cosa della del ' +
      'nel sul anche molto questo questa buongiorno aiuto rimborso un una no la in se quando',
  ],
  [
    NL,
    'de het een en ik je niet is van op te dat met voor maar mijn nog geen wel ook hoe wat waarom bedankt dank ' +
      'alstublieft graag bestelling zijn heb heeft hallo jullie er al om als',
  ],
  [
    TR,
    've bir bu için çok ama değil ne mi ben siz sipariş siparişim teşekkür teşekkürler merhaba lütfen hala hâlâ ' +
      'neden nasıl yok var gibi daha kadar ile olarak mı mu mü ederim iade',
  ],
  [
    PL,
    'i w z na nie się jest to że jak do mam moje moja mój ale co czy już jeszcze dziękuję dzięki proszę ' +
      'zamówienie dzień dobry pieniądze bardzo tak od po za',
  ],
  [
    ID,
    'yang dan tidak saya ini itu di ke dari untuk dengan sudah belum bisa mohon terima kasih tolong pesanan apa ' +
      'kenapa bagaimana kak min ada juga akan atau masih',
  ],
  [
    RU,
    'что это мне как уже ещё еще почему когда спасибо мой меня заказ вы он она мы где здравствуйте пожалуйста ' +
      'деньги нет да так же только можно вот если',
  ],
  [
    UK,
    'що це дякую та але мене мій моє немає вже ще буде чому коли як бо тому будь ласка гроші замовлення і ви він ' +
      'вона ми де так',
  ],
  [BG, 'ще съм това са във поръчка защо няма благодаря моля здравейте аз вие той тя ние къде ми ли'],
];
const WEAK_WORDS: readonly (readonly [number, string])[] = [[EN, 'ok okay lol pls plz']];

/** Accented Latin letters and the languages that use them, by code point below 0x250. */
const ACCENTS: readonly (readonly [string, number])[] = [
  ['ñ', 1 << ES],
  ['ãõ', 1 << PT],
  ['ç', (1 << FR) | (1 << PT) | (1 << TR)],
  ['éáíú', (1 << ES) | (1 << PT) | (1 << FR) | (1 << IT)],
  ['èàù', (1 << FR) | (1 << IT) | (1 << PT)],
  ['êô', (1 << FR) | (1 << PT)],
  ['âîû', (1 << FR) | (1 << TR)],
  ['ëï', (1 << FR) | (1 << NL)],
  ['œ', 1 << FR],
  ['ìò', 1 << IT],
  ['äß', 1 << DE],
  ['öü', (1 << DE) | (1 << TR)],
  ['ğışİı', 1 << TR],
  ['ąęłńśźżć', 1 << PL],
  ['ó', (1 << PL) | (1 << ES) | (1 << PT)],
  ['ơưđ', 1 << VI],
];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Lowercase of each code point below 0x250 (Latin-1, Latin Extended-A/B), for hashing words without strings. */
const LATIN_LOWER = new Uint16Array(0x250);
const ACCENT_MASK = new Uint16Array(0x250);
const WORD_MASKS = new Map<number, number>();

for (let c = 0; c < 0x250; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  LATIN_LOWER[c] = lower.charCodeAt(0);
}
for (const [letters, mask] of ACCENTS) {
  for (const ch of letters) ACCENT_MASK[ch.charCodeAt(0)] = mask;
}
for (const [lists, weak] of [
  [WORD_LISTS, 0],
  [WEAK_WORDS, WEAK],
] as const) {
  for (const [lang, words] of lists) {
    for (const word of words.split(' ')) {
      const hash = hashWord(word);
      WORD_MASKS.set(hash, ((WORD_MASKS.get(hash) ?? 0) | (1 << lang) | weak) >>> 0);
    }
  }
}

function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Script-specific Cyrillic letters: ы э ъ ё are Russian (and Belarusian), і ї є ґ Ukrainian, and so on. */
const CYR_RU = 1;
const CYR_UK = 2;
const CYR_BE = 3;
const CYR_SR = 4;
const CYR_MK = 5;
const CYR_KK = 6;
/** ъ: common in Bulgarian, rare in Russian, absent from Ukrainian. */
const CYR_HARD = 7;
const CYRILLIC_MARKER = new Uint8Array(0x130);
for (const [letters, marker] of [
  ['ыЫэЭёЁ', CYR_RU],
  ['іІїЇєЄґҐ', CYR_UK],
  ['ўЎ', CYR_BE],
  ['ђЂјЈљЉњЊћЋџЏ', CYR_SR],
  ['ѓЃќЌѕЅ', CYR_MK],
  ['әӘғҒқҚңҢөӨұҰүҮһҺ', CYR_KK],
  ['ъЪ', CYR_HARD],
] as const) {
  for (const ch of letters) CYRILLIC_MARKER[ch.charCodeAt(0) - 0x400] = marker;
}

// Reused between calls: detection allocates nothing per message. Safe because JavaScript runs one call at a time.
const scores = new Float64Array(WORD_LANGS.length);
const S_LATIN = 0;
const S_CYRILLIC = 1;
const S_HAN = 2;
const S_KANA = 3;
const S_HANGUL = 4;
const S_ARABIC = 5;
const S_HEBREW = 6;
const S_GREEK = 7;
const S_THAI = 8;
const S_DEVANAGARI = 9;
const S_OTHER = 10;
const SCRIPT_COUNT = 11;
/** One Han character carries about a word; kana and Hangul about a syllable; alphabet letters about a sound. */
const SCRIPT_WEIGHT = new Float64Array([1, 1, 3, 2, 2.5, 1, 1, 1, 1, 1, 1]);
const counts = new Float64Array(SCRIPT_COUNT);
const weightedCounts = new Float64Array(SCRIPT_COUNT);
const cyrillicMarkers = new Float64Array(CYR_HARD + 1);
let urdu = 0;
let persian = 0;
let otherTag = 'und';

function countOther(tag: string): void {
  counts[S_OTHER] = at(counts, S_OTHER) + 1;
  otherTag = tag;
}

/** Indexing a typed array the checker cannot prove in bounds; every index here is a constant or bounded. */
function at(array: Float64Array | Uint16Array | Uint8Array, index: number): number {
  return array[index] ?? 0;
}

/**
 * Guesses the language of a customer message from its script, accents and function words.
 *
 * One pass over the first {@link DETECT_SCAN_LIMIT} UTF-16 code units, no regular expressions and no per-message
 * allocation, so it costs about a microsecond for a chat message. Scripts that belong to one language decide at
 * once (kana `ja`, Hangul `ko`, Thai `th`, Greek `el`, Hebrew `he`, Devanagari `hi`, Arabic `ar`/`fa`/`ur`);
 * Han is `zh`; Cyrillic is `ru` unless Ukrainian (і ї є ґ), Belarusian, Serbian, Macedonian, Kazakh letters
 * or words say otherwise; Latin text is told apart by function words and accents (en, es, fr, de, pt, it, nl,
 * tr, pl, id, vi). Text mixing scripts ("我的order还没到") goes to the script with the largest weighted count
 * (a Han character weighs as much as a short word), with a confidence scaled by that script's share.
 *
 * `und` (undetermined) comes back in two cases, told apart by the confidence:
 * - no letters at all (emoji, digits, punctuation, whitespace): `und` with confidence 1, since there is
 *   certainly no language to name;
 * - Latin text with no word or accent of a known language ("asdf", "ok", a product code): `und` with
 *   confidence 0.5, meaning "could be anything written in Latin letters".
 * Markup (`<div>`), entities (`&nbsp;`), URLs and e-mail addresses are skipped, so they do not make a
 * Chinese or Russian message look English.
 *
 * @example
 * detectLanguage('我的快递怎么还没到'); // { tag: 'zh', confidence: 0.99 }
 * detectLanguage('refund please');      // { tag: 'en', confidence: ~0.7 }
 * detectLanguage('👍👍');               // { tag: 'und', confidence: 1 }
 */
export function detectLanguage(text: string): DetectedLanguage {
  const end = text.length < DETECT_SCAN_LIMIT ? text.length : DETECT_SCAN_LIMIT;
  scores.fill(0);
  counts.fill(0);
  cyrillicMarkers.fill(0);
  urdu = 0;
  persian = 0;
  otherTag = 'und';

  let hash = FNV_OFFSET;
  let wordLength = 0;

  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    let lower = -1;

    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) lower = c;
      else if (c >= 0x41 && c <= 0x5a) lower = c + 32;
      else if (c === 0x3c && i + 1 < end && isTagStart(text.charCodeAt(i + 1))) {
        // Markup: jump past the tag, so <div class="x"> adds no Latin letters.
        const close = text.indexOf('>', i + 1);
        i = close === -1 || close >= end ? end : close;
      } else if (c === 0x26) {
        i = skipEntity(text, i, end);
      } else if (
        wordLength > 0 &&
        ((c === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) ||
          c === 0x40 ||
          (c === 0x2e && wordLength === 3 && hash === WWW_HASH))
      ) {
        // An address ("https://...", "www.", "name@host"): take back the letters read so far and skip it.
        counts[S_LATIN] = at(counts, S_LATIN) - wordLength;
        hash = FNV_OFFSET;
        wordLength = 0;
        i = skipToSpace(text, i, end);
      }
      if (lower >= 0) counts[S_LATIN] = at(counts, S_LATIN) + 1;
    } else if (c < 0x250) {
      if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) {
        lower = at(LATIN_LOWER, c);
        counts[S_LATIN] = at(counts, S_LATIN) + 1;
        const mask = at(ACCENT_MASK, c);
        if (mask !== 0) addMask(mask, 0.5);
      } else if (c === 0xbf || c === 0xa1) {
        scores[ES] = at(scores, ES) + 1;
      }
    } else if (c >= 0x400 && c < 0x530) {
      counts[S_CYRILLIC] = at(counts, S_CYRILLIC) + 1;
      lower = c >= 0x410 && c <= 0x42f ? c + 0x20 : c < 0x410 ? c + 0x50 : c >= 0x460 ? c | 1 : c;
      const marker = at(CYRILLIC_MARKER, c - 0x400);
      if (marker !== 0) cyrillicMarkers[marker] = at(cyrillicMarkers, marker) + 1;
    } else if (c >= 0x4e00 && c <= 0x9fff) counts[S_HAN] = at(counts, S_HAN) + 1;
    else if (c >= 0x3040 && c <= 0x30ff) {
      // The prolonged sound mark and middle dot also turn up in Chinese text; real kana do not.
      if (c !== 0x30fc && c !== 0x30fb) counts[S_KANA] = at(counts, S_KANA) + 1;
    } else if (c >= 0xac00 && c <= 0xd7af) counts[S_HANGUL] = at(counts, S_HANGUL) + 1;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) counts[S_HAN] = at(counts, S_HAN) + 1;
    else if (c >= 0xd840 && c <= 0xd8bf) {
      // Supplementary Han (planes 2 and 3) arrives as a surrogate pair; a lone high surrogate is not a letter.
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        counts[S_HAN] = at(counts, S_HAN) + 1;
        i++;
      }
    } else if (c >= 0x600 && c <= 0x6ff) {
      if (isArabicLetter(c)) {
        counts[S_ARABIC] = at(counts, S_ARABIC) + 1;
        if (c === 0x679 || c === 0x688 || c === 0x691 || c === 0x6ba || c === 0x6be || c === 0x6d2) urdu++;
        else if (c === 0x67e || c === 0x686 || c === 0x698 || c === 0x6af || c === 0x6cc || c === 0x6a9) persian++;
      }
    } else if (c >= 0x5d0 && c <= 0x5ea) counts[S_HEBREW] = at(counts, S_HEBREW) + 1;
    else if ((c >= 0x386 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) counts[S_GREEK] = at(counts, S_GREEK) + 1;
    else if (c >= 0xe01 && c <= 0xe5b) counts[S_THAI] = at(counts, S_THAI) + 1;
    else if (c >= 0x900 && c <= 0x97f) counts[S_DEVANAGARI] = at(counts, S_DEVANAGARI) + 1;
    else if (c >= 0x1e00 && c <= 0x1eff) {
      // Latin Extended Additional: Vietnamese tone letters (ạ ả ấ ầ ... ỹ), upper and lower case in pairs.
      counts[S_LATIN] = at(counts, S_LATIN) + 1;
      lower = c | 1;
      if (c >= 0x1ea0) scores[VI] = at(scores, VI) + 1;
    } else if (c >= 0xff21 && c <= 0xff5a) {
      // Full-width Latin, typed with a CJK input method: counts as Latin but names no Latin language.
      if (c <= 0xff3a || c >= 0xff41) counts[S_LATIN] = at(counts, S_LATIN) + 1;
    } else if (c >= 0xff66 && c <= 0xff9d) counts[S_KANA] = at(counts, S_KANA) + 1;
    else if ((c >= 0x3131 && c <= 0x318e) || (c >= 0x1100 && c <= 0x11ff)) counts[S_HANGUL] = at(counts, S_HANGUL) + 1;
    else if (c >= 0x980 && c <= 0x9ff) countOther('bn');
    else if (c >= 0xb80 && c <= 0xbff) countOther('ta');
    else if (c >= 0x10a0 && c <= 0x10ff) countOther('ka');
    else if (c >= 0x531 && c <= 0x58f) countOther('hy');

    if (lower >= 0) {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      wordLength++;
    } else if (wordLength > 0) {
      scoreWord(hash, wordLength);
      hash = FNV_OFFSET;
      wordLength = 0;
    }
  }
  if (wordLength > 0) scoreWord(hash, wordLength);

  const kana = at(counts, S_KANA);
  const han = at(counts, S_HAN);
  // Japanese mixes kana with Han: when kana is present, Han counts towards Japanese as well as Chinese.
  let total = 0;
  let best = 0;
  for (let s = 0; s < SCRIPT_COUNT; s++) {
    const weighted = at(counts, s) * at(SCRIPT_WEIGHT, s);
    weightedCounts[s] = weighted;
    total += weighted;
  }
  if (kana > 0) weightedCounts[S_KANA] = at(weightedCounts, S_KANA) + han * at(SCRIPT_WEIGHT, S_HAN);
  if (total === 0) return { tag: UND, confidence: probability(1) };
  for (let s = 1; s < SCRIPT_COUNT; s++) if (at(weightedCounts, s) > at(weightedCounts, best)) best = s;
  const amount = at(weightedCounts, best);
  const share = amount / total;
  const sure = share * scriptConfidence(amount);

  switch (best) {
    case S_LATIN:
      return detectLatin(share);
    case S_CYRILLIC:
      return detectCyrillic(sure);
    case S_HAN:
      // Japanese written in kanji only is possible, hence not quite certain.
      return result('zh', sure * 0.98);
    case S_KANA:
      // A stray の in a Chinese post should not make it Japanese.
      if (kana < 2 && han > 4) return result('zh', sure * 0.7);
      return result('ja', sure);
    case S_HANGUL:
      return result('ko', sure);
    case S_ARABIC:
      if (urdu > 0 && urdu * 2 >= persian) return result('ur', sure * 0.9);
      if (persian > 0) return result('fa', sure * 0.9);
      return result('ar', sure * 0.95);
    case S_HEBREW:
      return result('he', sure * 0.97);
    case S_GREEK:
      return result('el', sure);
    case S_THAI:
      return result('th', sure);
    case S_DEVANAGARI:
      // Devanagari also writes Marathi and Nepali; Hindi is by far the most common in support traffic.
      return result('hi', sure * 0.9);
    default:
      return result(otherTag, sure * 0.9);
  }
}

const UND = languageTag('und');
const WWW_HASH = hashWord('www');

function result(tag: string, confidence: number): DetectedLanguage {
  return { tag: languageTag(tag), confidence: probability(Math.min(0.99, confidence)) };
}

/** How sure a script alone makes us, growing with the amount of text: one Han character ~0.7, a sentence ~0.97. */
function scriptConfidence(weightedCount: number): number {
  return 1 - 0.5 / (1 + weightedCount / 4);
}

function addMask(mask: number, weight: number): void {
  for (let lang = 0; lang < WORD_LANGS.length; lang++) {
    if ((mask & (1 << lang)) !== 0) scores[lang] = at(scores, lang) + weight;
  }
}

function scoreWord(hash: number, length: number): void {
  if (length > 16) return;
  const entry = WORD_MASKS.get(hash);
  if (entry === undefined) return;
  addMask(entry, (entry & WEAK) !== 0 ? 0.5 : 1);
}

function detectLatin(share: number): DetectedLanguage {
  let best = 0;
  for (let lang = 1; lang < LATIN_LANG_COUNT; lang++) if (at(scores, lang) > at(scores, best)) best = lang;
  const top = at(scores, best);
  let second = 0;
  for (let lang = 0; lang < LATIN_LANG_COUNT; lang++) {
    if (lang !== best && at(scores, lang) > second) second = at(scores, lang);
  }
  if (top < 1) return { tag: UND, confidence: probability(0.5) };
  // Evidence grows with the number of telling words; the margin over the runner-up says how unambiguous it is.
  const evidence = 1 - 0.6 * Math.exp(-top / 3);
  const margin = top / (top + second);
  return result(WORD_LANGS[best] ?? 'und', evidence * margin * (0.5 + 0.5 * share));
}

function detectCyrillic(sure: number): DetectedLanguage {
  const ru = at(cyrillicMarkers, CYR_RU);
  const uk = at(cyrillicMarkers, CYR_UK);
  if (at(cyrillicMarkers, CYR_KK) >= 2 && at(cyrillicMarkers, CYR_KK) * 4 >= ru) return result('kk', sure * 0.9);
  if (at(cyrillicMarkers, CYR_SR) > 0 && at(cyrillicMarkers, CYR_SR) >= ru) return result('sr', sure * 0.9);
  if (at(cyrillicMarkers, CYR_MK) > 0 && at(cyrillicMarkers, CYR_MK) >= ru) return result('mk', sure * 0.9);
  if (at(cyrillicMarkers, CYR_BE) > 0 && uk === 0) return result('be', sure * 0.9);
  // A letter counts twice as much as a word: one і in a sentence is a strong Ukrainian sign, one ы a Russian one.
  const ruScore = ru * 2 + at(scores, RU);
  const hard = at(cyrillicMarkers, CYR_HARD);
  const ukScore = uk * 2 + at(scores, UK) - hard;
  const bgScore = at(scores, BG) + (ru === 0 && at(scores, BG) > 0 ? hard : 0);
  if (ukScore > ruScore && ukScore >= bgScore) return result('uk', (sure * ukScore) / (ukScore + ruScore));
  if (bgScore > ruScore && bgScore > ukScore) return result('bg', (sure * 0.8 * bgScore) / (bgScore + ruScore));
  const rival = ukScore > bgScore ? ukScore : bgScore;
  return result('ru', (sure * 0.97 * (ruScore + 1)) / (ruScore + 1 + rival));
}

function isTagStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2f || c === 0x21;
}

/** Skips "&amp;" or "&#39;"; anything else after & is left to the main loop. */
function skipEntity(text: string, at: number, end: number): number {
  const limit = at + 10 < end ? at + 10 : end;
  for (let j = at + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3b) return j;
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x23;
    if (!alnum) return at;
  }
  return at;
}

function skipToSpace(text: string, at: number, end: number): number {
  let j = at;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c <= 0x20 || c === 0x3000) return j;
    j++;
  }
  return end;
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff);
}

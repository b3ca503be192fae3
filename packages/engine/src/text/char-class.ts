/**
 * Character classes by UTF-16 code unit, for the single-pass scanner. Plain range checks: no regex per
 * character, because the analyzer runs at tens of thousands of messages per second.
 */

/** CJK unified ideographs (incl. extension A and compatibility ideographs) in the BMP. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

export function isCyrillic(c: number): boolean {
  return c >= 0x0400 && c <= 0x04ff;
}

export function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Combining marks that belong to the preceding letter (accents, Cyrillic combining marks). */
export function isCombiningMark(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x0483 && c <= 0x0489);
}

/**
 * Letters of other alphabetic scripts that form space-delimited words (Greek, Armenian, Hebrew, Arabic,
 * Devanagari, Thai, Hangul syllables, kana...). They are tokenized as words so that other languages still
 * get n-gram features, even though the lexicons cover only en, zh and ru.
 */
export function isOtherLetter(c: number): boolean {
  return (
    (c >= 0x0370 && c <= 0x03ff) ||
    (c >= 0x0530 && c <= 0x058f) ||
    (c >= 0x0590 && c <= 0x05ff) ||
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0900 && c <= 0x0dff) ||
    (c >= 0x0e00 && c <= 0x0e7f) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

export function isWordChar(c: number): boolean {
  return isLatinLetter(c) || isCyrillic(c) || isDigit(c) || isCombiningMark(c) || isOtherLetter(c);
}

/** Apostrophes that join word parts ("don't", "it’s"). */
export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Sentence or clause punctuation that ends a negation scope (ASCII and full-width forms). */
export function isClauseBreak(c: number): boolean {
  return (
    c === 0x2e || // .
    c === 0x2c || // ,
    c === 0x21 || // !
    c === 0x3f || // ?
    c === 0x3b || // ;
    c === 0x3a || // :
    c === 0x0a ||
    c === 0x3002 || // 。
    c === 0xff0c || // ，
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0xff1b || // ；
    c === 0x3001 || // 、
    c === 0x2026 // …
  );
}

export function isExclamation(c: number): boolean {
  return c === 0x21 || c === 0xff01;
}

export function isQuestionMark(c: number): boolean {
  return c === 0x3f || c === 0xff1f;
}

/**
 * Pictographic symbols: the BMP dingbat and misc-symbol blocks (☹ ☺ ❤ ✨ ⭐ ...). Astral emoji are recognised from
 * their surrogate pairs by the scanner.
 */
export function isBmpSymbol(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55 || c === 0x2764 || (c >= 0x2190 && c <= 0x21ff);
}

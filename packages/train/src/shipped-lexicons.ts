import type { LexiconBundle } from '@attune/engine';
import { LEXICONS, SYMBOLS } from '@attune/engine/lexicons';

/** The lexicons in the engine's source tree, which training embeds into the model it writes. */
export function shippedLexicons(): LexiconBundle {
  return { languages: [LEXICONS.en, LEXICONS.zh, LEXICONS.ru], symbols: SYMBOLS };
}

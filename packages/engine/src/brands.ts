/**
 * Branded units and ids: a `Probability` is a number the type system will not confuse with a count or a score.
 * Construct them only through the helpers here, which check the invariant once at the edge.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A number in [0, 1]. */
export type Probability = Brand<number, 'Probability'>;
/** A duration or timestamp in milliseconds. */
export type Millis = Brand<number, 'Millis'>;
/** A BCP 47 primary language subtag we report: `en`, `zh`, `ru`, another ISO 639-1 code, or `und`. */
export type LanguageTag = Brand<string, 'LanguageTag'>;

/** Clamps into [0, 1]; NaN becomes 0 so a bad computation can never leak a NaN probability. */
export function probability(x: number): Probability {
  return (Number.isNaN(x) ? 0 : x < 0 ? 0 : x > 1 ? 1 : x) as Probability;
}

export function millis(x: number): Millis {
  return x as Millis;
}

export function languageTag(tag: string): LanguageTag {
  return tag as LanguageTag;
}

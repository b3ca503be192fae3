/**
 * 32-bit FNV-1a over UTF-16 code units, with a namespace seed so that the word "no" and the character
 * n-gram "no" land in different buckets. Computed on char codes directly: no substring is allocated.
 */
const FNV_PRIME = 0x01000193;
export const FNV_OFFSET = 0x811c9dc5;

export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Hash of `s.slice(start, end)` continuing from seed `h`. */
export function hashRange(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashString(h: number, s: string): number {
  return hashRange(h, s, 0, s.length);
}

/** Mixes two hashes (for word bigrams); not commutative, so "not good" differs from "good not". */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, FNV_PRIME);
  h = Math.imul(h ^ (b >>> 16), FNV_PRIME);
  h = Math.imul(h ^ (b & 0xffff), FNV_PRIME);
  return h;
}

/** Final avalanche (murmur3 fmix32) so that low bits are well mixed before masking to a bucket. */
export function finalizeHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A namespace seed derived from a short tag. */
export function namespaceSeed(tag: string): number {
  return hashString(FNV_OFFSET, tag);
}

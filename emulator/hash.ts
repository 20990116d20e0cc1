/**
 * Deterministic pseudo-randomness: every synthetic number is a pure function of its inputs so the
 * same request always yields byte-identical data (no Math.random anywhere in the data path).
 */

/** FNV-1a over a string; used once per entity to derive a numeric seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes up to three integers into a well-distributed 32-bit value (murmur3 finaliser per step).
 * Fixed arity on purpose: this is the hot path of data generation and rest arrays cost GC time.
 */
export function mix(a: number, b = 0, c = 0): number {
  let h = fmix(0x9e3779b9 ^ part(a));
  h = fmix(h ^ part(b));
  return fmix(h ^ part(c)) >>> 0;
}

/** Folds values beyond 32 bits (e.g. minute indexes far in the future) instead of truncating them. */
function part(p: number): number {
  return p >= 4294967296 || p < -2147483648 ? (p | 0) ^ Math.imul(Math.floor(p / 4294967296) | 0, 0x27d4eb2f) : p | 0;
}

function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** A number in [0, 1) derived from the given parts. */
export function unit(a: number, b = 0, c = 0): number {
  return mix(a, b, c) / 4294967296;
}

/**
 * Splits `total` into integer parts proportional to `weights` that sum exactly to `total`.
 * Cumulative rounding keeps it O(n) and guarantees non-negative parts.
 */
export function splitExact(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0 || total <= 0) {
    return out;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += weights[i];
  }
  if (sum <= 0) {
    out[0] = total;
    return out;
  }
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i];
    const cum = i === n - 1 ? total : Math.round((total * acc) / sum);
    out[i] = cum - prev;
    prev = cum;
  }
  return out;
}

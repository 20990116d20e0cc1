const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

/**
 * The one way every frame reads a number off the network: finite numbers as they are, numeric
 * strings as the number they spell (some GraphQL gateways serialise large integers as "12"),
 * anything else as no value — never a guess.
 */
export function readNumber(v: unknown): number | null {
  if (typeof v === 'number') {
    return v - v === 0 ? v : null;
  }
  if (typeof v !== 'string' || !NUMERIC.test(v)) {
    return null;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Values present in an answer that readNumber could not read: how many, and the first of them
 * (what the notice names). Null and absent values are not counted: they are the API's "no value".
 */
export interface Unreadable {
  n: number;
  first: unknown;
}

export function unreadable(): Unreadable {
  return { n: 0, first: undefined };
}

/** readNumber, counting in `bad` what was there but is no number. */
export function readNumberNoting(v: unknown, bad: Unreadable): number | null {
  const n = readNumber(v);
  if (n === null && v !== null && v !== undefined) {
    if (bad.n++ === 0) {
      bad.first = v;
    }
  }
  return n;
}

/** What readNumber would not read in `values` (in their order), without building a new list. */
export function unreadableIn(values: readonly unknown[]): Unreadable {
  const bad = unreadable();
  for (const v of values) {
    // Numbers and nulls, nearly every value, cost one typeof.
    if (v !== null && v !== undefined && (typeof v !== 'number' || v - v !== 0)) {
      readNumberNoting(v, bad);
    }
  }
  return bad;
}

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

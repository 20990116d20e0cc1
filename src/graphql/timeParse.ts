import type { GraphQLQueryOptions } from '../types';

export type TimeFormat = NonNullable<GraphQLQueryOptions['timeFormat']>;

// Any number of fraction digits (the API sends 7) and an optional offset; a time without an
// offset is UTC, as the API means it (Date.parse would read it as local time).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds of an ISO-8601 timestamp, parsed the same in every browser. */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = m;
  // Milliseconds are all a Date holds; further digits are truncated, never rounded up into
  // the next millisecond.
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(utc) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  return utc - offsetMinutes(offset) * 60_000;
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

/** Epoch milliseconds of a time value in the given format; undefined when it does not parse. */
export function parseTime(value: unknown, format: TimeFormat = 'iso'): number | undefined {
  const t = parseAnyTime(value, format);
  // Beyond ±100,000,000 days a Date is invalid (and 1e308 s is Infinity ms): not a time.
  return t !== undefined && Math.abs(t) <= MAX_DATE_MS ? t : undefined;
}

const MAX_DATE_MS = 8.64e15;

function parseAnyTime(value: unknown, format: TimeFormat): number | undefined {
  switch (format) {
    case 'epochSeconds': {
      const n = asNumber(value);
      return n === undefined ? undefined : n * 1000;
    }
    case 'epochMillis':
      return asNumber(value);
    default:
      return typeof value === 'string' ? parseIsoTime(value) : undefined;
  }
}

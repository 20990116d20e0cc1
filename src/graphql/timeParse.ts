import { parseTimeSpan } from '../time/parseTimeSpan';
import type { GraphQLQueryOptions } from '../types';

export type TimeFormat = NonNullable<GraphQLQueryOptions['timeFormat']>;

/**
 * Epoch milliseconds of an ISO-8601 timestamp, parsed the same in every browser: the same parser
 * as the builder queries' bucket times (any fraction digits, offsets, no offset = UTC).
 */
export function parseIsoTime(text: string): number | undefined {
  const t = parseTimeSpan(text.trim());
  return Number.isNaN(t) ? undefined : t;
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

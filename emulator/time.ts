import { userError } from './errors';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Granularity = '1m' | '15m' | '1h' | '1d' | '7d';

export const GRANULARITY_MS: Readonly<Record<Granularity, number>> = {
  '1m': MINUTE,
  '15m': 15 * MINUTE,
  '1h': HOUR,
  '1d': DAY,
  '7d': 7 * DAY,
};

/** Longest accepted TimeFilter range; keeps worst-case generation cost bounded. */
export const MAX_RANGE_MS = 732 * DAY;
/** 1970-01-05 was a Monday: 7d buckets start on Mondays (ISO weeks) in the filter's offset. */
const WEEK_ANCHOR_MS = 4 * DAY;

export interface TimeFilterInput {
  from: string;
  to: string;
}

export interface TimeWindow {
  from: number;
  to: number;
  /** Offset in minutes east of UTC used for bucket alignment and timeSpan rendering. */
  offsetMinutes: number;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

interface ParsedInstant {
  ms: number;
  offsetMinutes: number | null;
}

export function parseInstant(value: string, field: string): ParsedInstant {
  const m = ISO_RE.exec(value.trim());
  const invalid = () =>
    userError(`Invalid date-time '${value}' in ${field}; expected ISO-8601 like 2021-08-16T12:00:00.000+05:30`);
  if (!m) {
    throw invalid();
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const local = Date.UTC(...fields) + Math.floor(Number(`0.${frac || '0'}`) * 1000);
  const check = new Date(Date.UTC(...fields));
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    throw invalid();
  }
  let offsetMinutes: number | null = null;
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 18 || om > 59) {
      throw invalid();
    }
    offsetMinutes = sign * (oh * 60 + om);
  } else if (tz) {
    offsetMinutes = 0;
  }
  return { ms: local - (offsetMinutes ?? 0) * MINUTE, offsetMinutes };
}

export function parseTimeFilter(tf: TimeFilterInput | null | undefined, field = 'timeFilter'): TimeWindow {
  if (!tf) {
    throw userError(`${field} is required`);
  }
  const from = parseInstant(tf.from, `${field}.from`);
  const to = parseInstant(tf.to, `${field}.to`);
  if (from.ms >= to.ms) {
    throw userError(`Invalid time range in ${field}: 'from' (${tf.from}) must be earlier than 'to' (${tf.to})`);
  }
  if (to.ms - from.ms > MAX_RANGE_MS) {
    throw userError(`Time range in ${field} is too long: at most ${MAX_RANGE_MS / DAY} days are supported`);
  }
  // The API renders buckets in the caller's offset; 'from' wins when the two disagree.
  return { from: from.ms, to: to.ms, offsetMinutes: from.offsetMinutes ?? to.offsetMinutes ?? 0 };
}

/** A window for queries whose TimeFilter is optional: the 30 days before `now`. */
export function defaultWindow(now: number): TimeWindow {
  const to = Math.floor(now / MINUTE) * MINUTE;
  return { from: to - 30 * DAY, to, offsetMinutes: 0 };
}

export function parseGranularity(value: string | null | undefined, window: TimeWindow): Granularity {
  if (value === null || value === undefined) {
    return defaultGranularity(window.to - window.from);
  }
  if (Object.prototype.hasOwnProperty.call(GRANULARITY_MS, value)) {
    return value as Granularity;
  }
  throw userError(`Invalid granularity '${value}'. Supported values: 1m, 15m, 1h, 1d, 7d`, 'INVALID_GRANULARITY');
}

/** The server's pick when no granularity is given: aims at roughly 50–200 points per series. */
export function defaultGranularity(rangeMs: number): Granularity {
  if (rangeMs <= HOUR) {
    return '1m';
  }
  if (rangeMs <= DAY) {
    return '15m';
  }
  if (rangeMs <= 7 * DAY) {
    return '1h';
  }
  if (rangeMs <= 90 * DAY) {
    return '1d';
  }
  return '7d';
}

/** Start (UTC ms) of the bucket containing `t`, aligned in the window's offset. */
export function bucketStart(t: number, g: Granularity, offsetMinutes: number): number {
  const size = GRANULARITY_MS[g];
  const anchor = g === '7d' ? WEEK_ANCHOR_MS : 0;
  const local = t + offsetMinutes * MINUTE;
  return Math.floor((local - anchor) / size) * size + anchor - offsetMinutes * MINUTE;
}

export interface Bucket {
  /** Aligned bucket start, rendered as timeSpan. */
  start: number;
  /** The part of the bucket inside the window (and before now): data is summed over [from, to). */
  from: number;
  to: number;
  /** The start rendered once per bucket (many series share a bucket list). */
  timeSpan: string;
}

/**
 * Buckets covering the window. Data is counted per whole minute; a minute belongs to the window
 * when its start lies in [from, to) and it has ended by `now` (so partial minutes never flicker).
 */
export function buckets(window: TimeWindow, g: Granularity, now: number): Bucket[] {
  const size = GRANULARITY_MS[g];
  const dataFrom = ceilMinute(window.from);
  const dataTo = Math.min(ceilMinute(window.to), Math.floor(now / MINUTE) * MINUTE);
  const out: Bucket[] = [];
  for (let s = bucketStart(window.from, g, window.offsetMinutes); s < window.to; s += size) {
    const from = Math.max(s, dataFrom);
    const to = Math.min(s + size, dataTo);
    if (from < to) {
      out.push({ start: s, from, to, timeSpan: formatTimeSpan(s, window.offsetMinutes) });
    }
  }
  return out;
}

/** The whole window as one interval of complete minutes, for range totals. */
export function dataInterval(window: TimeWindow, now: number): { from: number; to: number } {
  return {
    from: ceilMinute(window.from),
    to: Math.max(ceilMinute(window.from), Math.min(ceilMinute(window.to), Math.floor(now / MINUTE) * MINUTE)),
  };
}

function ceilMinute(t: number): number {
  return Math.ceil(t / MINUTE) * MINUTE;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Renders like the live API: `2021-06-21T00:00:00.0000000+05:30`. */
export function formatTimeSpan(t: number, offsetMinutes: number): string {
  const d = new Date(t + offsetMinutes * MINUTE);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.0000000` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

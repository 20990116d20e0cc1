import type { TimeRange } from '@grafana/data';

/** The API's `TimeFilter` input. */
export interface TimeFilter {
  from: string;
  to: string;
}

export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/**
 * Minutes east of UTC of `zone` at `epochMs` (an IANA name), or undefined for a zone the
 * runtime does not know.
 */
export function offsetMinutes(zone: string, epochMs: number): number | undefined {
  let part: string | undefined;
  try {
    part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(epochMs))
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
  const m = OFFSET.exec(part ?? '');
  if (!m) {
    return undefined;
  }
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** An instant as ISO-8601 in a fixed offset: `2026-11-24T05:30:00.000+05:30`; UTC keeps `Z`. */
export function toIsoWithOffset(epochMs: number, minutes: number): string {
  if (minutes === 0) {
    return toIsoUtc(epochMs);
  }
  const local = new Date(epochMs + minutes * 60_000).toISOString().slice(0, -1);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The dashboard's time zone as an IANA name: Grafana's `browser` (and empty) is the browser's own. */
export function resolveTimeZone(timezone: string | undefined): string {
  const tz = (timezone ?? '').trim();
  if (!tz || tz === 'browser') {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }
  return tz.toLowerCase() === 'utc' ? 'UTC' : tz;
}

/**
 * Panel range → `TimeFilter`, each end written in the dashboard's time zone offset: the Insights
 * API buckets days and weeks by the offset of the filter it is sent, so daily buckets then start
 * at the dashboard's midnight. UTC (and zones at offset 0) keep a `Z`. Undefined for a zone the
 * runtime does not know.
 */
export function toTimeFilter(range: Pick<TimeRange, 'from' | 'to'>, zone = 'UTC'): TimeFilter | undefined {
  return timeFilterOf(range.from.valueOf(), range.to.valueOf(), zone);
}

/** toTimeFilter for epoch milliseconds. */
export function timeFilterOf(from: number, to: number, zone = 'UTC'): TimeFilter | undefined {
  const a = zone === 'UTC' ? 0 : offsetMinutes(zone, from);
  const b = zone === 'UTC' ? 0 : offsetMinutes(zone, to);
  if (a === undefined || b === undefined) {
    return undefined;
  }
  return { from: toIsoWithOffset(from, a), to: toIsoWithOffset(to, b) };
}

import { dateTime, type TimeRange } from '@grafana/data';

export type RangeKey = 'last24h' | 'last7d';

const HOURS: Record<RangeKey, number> = { last24h: 24, last7d: 24 * 7 };
const RAW: Record<RangeKey, string> = { last24h: 'now-24h', last7d: 'now-7d' };

/** A relative range resolved now, the way Grafana's time picker resolves `now-24h` / `now`. */
export function timeRange(key: RangeKey): TimeRange {
  const to = dateTime();
  const from = dateTime(to).subtract(HOURS[key], 'hours');
  return { from, to, raw: { from: RAW[key], to: 'now' } };
}

import { common } from '../../catalog/catalog';

const DAY = 86_400_000;
// 1970-01-05 was a Monday: week buckets start on Mondays, as the Insights API's do.
const MONDAY = 4 * DAY;

/**
 * The start of the bucket holding `t`, aligned as the Insights API aligns buckets: minutes and
 * hours on the epoch, days and weeks on midnight in the time filter's offset.
 */
export function bucketFloor(t: number, granularity: string, offsetMinutes: number): number {
  const size = common.granularities[granularity];
  const shift = offsetMinutes * 60_000;
  const anchor = granularity === '7d' ? MONDAY : 0;
  return Math.floor((t + shift - anchor) / size) * size + anchor - shift;
}

export function bucketSize(granularity: string): number {
  return common.granularities[granularity];
}

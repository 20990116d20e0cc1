import type { TimeRange } from '@grafana/data';

/** The API's `TimeFilter` input. */
export interface TimeFilter {
  from: string;
  to: string;
}

/**
 * Panel range → `TimeFilter`. Always UTC with a `Z`: the API reads a string without an offset
 * as UTC anyway, and a `Z` makes the intent visible in the Query inspector.
 */
export function toTimeFilter(range: Pick<TimeRange, 'from' | 'to'>): TimeFilter {
  return { from: toIsoUtc(range.from.valueOf()), to: toIsoUtc(range.to.valueOf()) };
}

export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

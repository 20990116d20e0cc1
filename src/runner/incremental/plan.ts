import { bucketFloor, bucketSize } from './buckets';
import type { CachedAnswer } from './cache';

/** A part of the new range and which bucket starts it contributes, [from, to). */
export interface Span {
  fromMs: number;
  toMs: number;
}

export interface IncrementalPlan {
  /** The partial first bucket, fetched again when the range start moved inside a bucket. */
  head?: Span;
  /** Bucket starts taken from the cached answer. */
  keep: Span;
  /** The newest buckets, fetched again: from the last complete bucket minus the overlap. */
  tail: Span;
}

/**
 * How a time series query can be refreshed from its last answer: when the new range starts
 * inside the cached one and ends at or after it, fetch only the first bucket (if the start moved
 * inside it: a full fetch would count it from the new start) and the buckets from the start of
 * the last complete one minus `overlapMs` (late data: the window Grafana's own Prometheus
 * incremental querying uses), and keep the cached buckets between. Undefined when a full fetch
 * is needed or as cheap.
 */
export function incrementalPlan(
  cached: CachedAnswer | undefined,
  fromMs: number,
  toMs: number,
  granularity: string,
  offsetMinutes: number,
  overlapMs: number
): IncrementalPlan | undefined {
  if (!cached || fromMs < cached.fromMs || fromMs >= cached.toMs || toMs < cached.toMs) {
    return undefined;
  }
  // The same range again (an absolute range, or a run repeated at once): the whole request, which
  // the result cache may answer; nothing about it moved.
  if (fromMs === cached.fromMs && toMs === cached.toMs) {
    return undefined;
  }
  const size = bucketSize(granularity);
  const floor = (t: number) => bucketFloor(t, granularity, offsetMinutes);
  const first = floor(fromMs);
  let head: Span | undefined;
  let keepFrom: number;
  if (fromMs === cached.fromMs) {
    // Same start: the cached first bucket is the one a full fetch would give.
    keepFrom = first;
  } else if (fromMs === first) {
    keepFrom = fromMs;
  } else {
    head = { fromMs, toMs: Math.min(first + size, toMs) };
    keepFrom = first + size;
  }
  const lastComplete = floor(cached.toMs) - size;
  const tailFrom = floor(lastComplete - overlapMs);
  if (tailFrom <= keepFrom || tailFrom >= toMs) {
    return undefined;
  }
  return { head, keep: { fromMs: keepFrom, toMs: tailFrom }, tail: { fromMs: tailFrom, toMs } };
}

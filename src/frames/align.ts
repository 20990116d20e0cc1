import { parseTimeSpan } from '../time/parseTimeSpan';

/**
 * How a missing bucket reads: counts are 0 (no request in that bucket means none happened),
 * gauges such as latency are null (no request means no latency, and a 0 would be a lie a chart
 * draws as a dip).
 */
export type Fill = 'zero' | 'null';

/** One series as the API returns it: bucket start times (epoch ms) and values, same length. */
export interface PointSeries {
  times: number[];
  values: Array<number | null>;
  fill: Fill;
}

export interface AlignedSeries {
  times: number[];
  /** One column per input series, in input order, each `times.length` long. */
  columns: Array<Array<number | null>>;
}

/** Bucket grid of the query, used to make empty buckets of count series explicit zeros. */
export interface BucketGrid {
  fromMs: number;
  toMs: number;
  stepMs: number;
}

/**
 * Reads a list of API buckets into a series in one pass, dropping buckets whose timestamp
 * cannot be parsed (counted in `dropped` so the caller can say so).
 */
export function toPointSeries<T>(
  buckets: ReadonlyArray<T | null | undefined> | null | undefined,
  timeOf: (b: T) => string | null | undefined,
  valueOf: (b: T) => number | null | undefined,
  fill: Fill,
  dropped: { count: number }
): PointSeries {
  const list = buckets ?? [];
  const times: number[] = [];
  const values: Array<number | null> = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (!b) {
      continue;
    }
    const t = parseTimeSpan(timeOf(b));
    if (Number.isNaN(t)) {
      dropped.count++;
      continue;
    }
    const v = valueOf(b);
    times.push(t);
    values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return { times, values, fill };
}

/**
 * Puts series bucketed independently by the API on one time axis: a k-way merge of the sorted
 * series (sorted first when the API did not), with each series' missing buckets filled per its
 * `fill`. With a grid, the axis also gets every grid bucket no series has, so count series show
 * quiet periods as zeros instead of lines drawn across them; the grid is anchored on a bucket
 * the API returned, because week buckets (7d) do not start at the epoch.
 */
export function alignSeries(series: PointSeries[], grid?: BucketGrid): AlignedSeries {
  const sorted = series.map(sortSeries);
  const axis = mergeTimes(sorted.map((s) => s.times));
  const times = grid && series.some((s) => s.fill === 'zero') ? withGrid(axis, grid) : axis;
  const columns = sorted.map((s) => project(s, times));
  return { times, columns };
}

function sortSeries(s: PointSeries): PointSeries {
  let ordered = true;
  for (let i = 1; i < s.times.length; i++) {
    if (s.times[i] < s.times[i - 1]) {
      ordered = false;
      break;
    }
  }
  if (ordered) {
    return s;
  }
  const idx = s.times.map((_, i) => i).sort((a, b) => s.times[a] - s.times[b]);
  return { times: idx.map((i) => s.times[i]), values: idx.map((i) => s.values[i]), fill: s.fill };
}

/** Union of sorted time lists, sorted, without duplicates. */
function mergeTimes(lists: number[][]): number[] {
  const heads = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  for (;;) {
    let min = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const h = heads[k];
      if (h < lists[k].length && lists[k][h] < min) {
        min = lists[k][h];
      }
    }
    if (min === Infinity) {
      return out;
    }
    out.push(min);
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      while (heads[k] < list.length && list[heads[k]] === min) {
        heads[k]++;
      }
    }
  }
}

/** The series' value at each axis time; a duplicate bucket keeps its last value. */
function project(s: PointSeries, times: number[]): Array<number | null> {
  const out = new Array<number | null>(times.length);
  const missing = s.fill === 'zero' ? 0 : null;
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    while (j < s.times.length && s.times[j] < t) {
      j++;
    }
    let v: number | null | undefined;
    while (j < s.times.length && s.times[j] === t) {
      v = s.values[j];
      j++;
    }
    out[i] = v === undefined ? missing : v;
  }
  return out;
}

function withGrid(axis: number[], grid: BucketGrid): number[] {
  const { fromMs, toMs, stepMs } = grid;
  if (!axis.length || stepMs <= 0 || toMs <= fromMs || (toMs - fromMs) / stepMs > 100_000) {
    return axis;
  }
  const anchor = axis[0];
  // First grid bucket whose span reaches into the range: start > from - step.
  const first = anchor + Math.floor((fromMs - anchor) / stepMs) * stepMs;
  const gridTimes: number[] = [];
  for (let t = first; t < toMs; t += stepMs) {
    if (t + stepMs > fromMs) {
      gridTimes.push(t);
    }
  }
  return mergeTimes([axis, gridTimes]);
}

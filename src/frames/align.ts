import { parseTimeSpan } from '../time/parseTimeSpan';
import { readNumber, readNumberNoting, type Unreadable } from './number';

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
 * Parses each distinct `timeSpan` of one response once. The series of a response are usually
 * sorted on one shared axis and repeat the same strings, so bucket i of a series is first
 * compared with bucket i of the previous one (a string compare is far cheaper than a parse);
 * a Map catches series that are shifted or have gaps. Use one per response, not longer: the
 * Map holds every distinct string it has seen.
 *
 * A plain object made by `timeSpanCache()`, not a class instance: V8 keeps an object literal's
 * shape for as long as the function that makes it, while the shapes of a class's instances die
 * with the last instance at a major GC, taking the optimized code of toPointSeries with them, so
 * the first response read after each GC ran unoptimized (10× slower at 10k points).
 */
export interface TimeSpanCache {
  readonly strings: string[];
  readonly times: number[];
  /**
   * Made on the first string that differs from the one at its index, from what `strings` holds
   * then: the first series only appends, and a response on one axis never differs, so it never
   * pays for hashing its thousand strings into a Map.
   */
  byText: Map<string, number> | undefined;
  /** The times of the last series read with this cache (see toPointSeries). */
  lastTimes: number[] | undefined;
}

export function timeSpanCache(): TimeSpanCache {
  return { strings: [], times: [], byText: undefined, lastTimes: undefined };
}

/** The epoch ms of bucket `index`'s time span (NaN when unreadable), parsed once per response. */
export function parseSpan(cache: TimeSpanCache, s: string | null | undefined, index: number): number {
  if (typeof s !== 'string') {
    return NaN;
  }
  const strings = cache.strings;
  if (index < strings.length && strings[index] === s) {
    return cache.times[index];
  }
  const byText = cache.byText ?? (index < strings.length ? textMap(cache) : undefined);
  let t = byText?.get(s);
  if (t === undefined) {
    t = parseTimeSpan(s);
    byText?.set(s, t);
  }
  // Indexes arrive in order from 0, so this writes in place or appends, never leaves holes.
  if (index <= strings.length) {
    strings[index] = s;
    cache.times[index] = t;
  }
  return t;
}

function textMap(cache: TimeSpanCache): Map<string, number> {
  const byText = new Map<string, number>();
  for (let i = 0; i < cache.strings.length; i++) {
    byText.set(cache.strings[i], cache.times[i]);
  }
  cache.byText = byText;
  return byText;
}

/**
 * Reads one field of a bucket. `ownKey`, when set, says the reader is exactly "the bucket's own
 * property of that name" (what a one-segment catalog path reads), so the loop below can read it
 * in place: at that one call site the property lookups see only bucket shapes and stay fast,
 * where a shared path reader sees every shape of every context and slows down.
 */
export type BucketReader<T, R> = ((b: T) => R) & { readonly ownKey?: string };

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads a list of API buckets into a series in one pass, dropping buckets whose timestamp
 * cannot be parsed (counted in `dropped` so the caller can say so). Pass the response's
 * `spans` cache when reading several series of one response, and `bad` to count the values
 * of kept buckets that are there but are no numbers (they read as null).
 */
export function toPointSeries<T>(
  buckets: ReadonlyArray<T | null | undefined> | null | undefined,
  timeOf: BucketReader<T, string | null | undefined>,
  valueOf: BucketReader<T, unknown>,
  fill: Fill,
  dropped: { count: number; spans?: TimeSpanCache },
  bad?: Unreadable
): PointSeries {
  const timeKey = timeOf.ownKey;
  const valueKey = valueOf.ownKey;
  // Whatever came off the network where a list belongs: anything else reads as no buckets.
  const list = Array.isArray(buckets) ? (buckets as ReadonlyArray<T | null | undefined>) : [];
  const n = list.length;
  const spans = dropped.spans;
  // Series of one response usually have the previous series' times: reuse that array until
  // a time differs, so a thousand series keep one times array alive, not a thousand.
  const prev = spans?.lastTimes;
  let times: number[] | undefined;
  // Sized up front and trimmed once at the end if buckets were dropped.
  const values = new Array<number | null>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const b = list[i];
    if (!b) {
      continue;
    }
    // The same as ownOf in catalog/paths.ts: an own property of an object that is not a list.
    const plain = typeof b === 'object' && !Array.isArray(b);
    const ts =
      timeKey === undefined
        ? timeOf(b)
        : plain && hasOwn.call(b, timeKey)
          ? ((b as Record<string, unknown>)[timeKey] as string | null | undefined)
          : undefined;
    const t = spans ? parseSpan(spans, ts, i) : parseTimeSpan(ts);
    if (t !== t) {
      // NaN: unreadable timestamp.
      dropped.count++;
      continue;
    }
    if (times !== undefined) {
      times[k] = t;
    } else if (prev === undefined || k >= prev.length || prev[k] !== t) {
      times = new Array<number>(n);
      for (let j = 0; j < k; j++) {
        times[j] = (prev as number[])[j];
      }
      times[k] = t;
    }
    const raw =
      valueKey === undefined
        ? valueOf(b)
        : plain && hasOwn.call(b, valueKey)
          ? (b as Record<string, unknown>)[valueKey]
          : undefined;
    // Finite numbers, nearly every value, skip the call.
    values[k] = typeof raw === 'number' && raw - raw === 0 ? raw : bad ? readNumberNoting(raw, bad) : readNumber(raw);
    k++;
  }
  if (times === undefined) {
    times = prev === undefined ? [] : prev.length === k ? prev : prev.slice(0, k);
  } else if (k < n) {
    times.length = k;
  }
  if (k < n) {
    values.length = k;
  }
  if (spans) {
    spans.lastTimes = times;
  }
  return { times, values, fill };
}

/**
 * Puts series bucketed independently by the API on one time axis: a k-way merge of the sorted
 * series (sorted first when the API did not), with each series' missing buckets filled per its
 * `fill`. With a grid, the axis also gets every grid bucket no series has, so count series show
 * quiet periods as zeros instead of lines drawn across them; the grid is anchored on a bucket
 * the API returned, because week buckets (7d) do not start at the epoch.
 *
 * When every series already has the same strictly increasing times and the grid adds none (the
 * usual response), nothing is merged or copied: the columns are the series' own value arrays.
 */
export function alignSeries(series: PointSeries[], grid?: BucketGrid): AlignedSeries {
  let counts = false;
  for (let i = 0; i < series.length; i++) {
    if (series[i].fill === 'zero') {
      counts = true;
      break;
    }
  }
  const shared = sharedTimes(series);
  if (shared) {
    const times = grid && counts ? withGrid(shared, grid) : shared;
    // The grid merge keeps every axis time, so an equal length means it added none.
    if (times.length === shared.length) {
      const columns = new Array<Array<number | null>>(series.length);
      for (let i = 0; i < series.length; i++) {
        columns[i] = series[i].values;
      }
      return { times: shared, columns };
    }
  }
  const sorted = series.map(sortSeries);
  const axis = mergeTimes(sorted.map((s) => s.times));
  const times = grid && counts ? withGrid(axis, grid) : axis;
  const columns = sorted.map((s) => project(s, times));
  return { times, columns };
}

/** The series' common times when all have the same strictly increasing times, else undefined. */
function sharedTimes(series: PointSeries[]): number[] | undefined {
  if (!series.length) {
    return undefined;
  }
  const first = series[0].times;
  const n = first.length;
  for (let i = 1; i < n; i++) {
    if (!(first[i] > first[i - 1])) {
      return undefined;
    }
  }
  for (let k = 1; k < series.length; k++) {
    const times = series[k].times;
    if (times === first) {
      continue;
    }
    if (times.length !== n) {
      return undefined;
    }
    for (let i = 0; i < n; i++) {
      if (times[i] !== first[i]) {
        return undefined;
      }
    }
  }
  return first;
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

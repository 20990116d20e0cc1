import { mix, splitExact, unit } from '../hash';
import { Bucket, HOUR, MINUTE } from '../time';
import { Cell, UNMATCHED_PEAK_PER_HOUR } from './cells';

export interface Counts {
  success: number;
  errors: number;
}

export interface HourCell extends Counts {
  /** An outage hour: high error rate (mostly connectivity) and a latency spike. */
  incident: boolean;
  /** A traffic surge multiplier (1 = normal). */
  surge: number;
  /** Multiplier applied to latency percentiles this hour. */
  latencyFactor: number;
}

interface MinuteCounts {
  success: Int32Array;
  errors: Int32Array;
}

export interface SeriesCounts {
  success: number[];
  errors: number[];
}

const EMPTY_HOUR: HourCell = { success: 0, errors: 0, incident: false, surge: 1, latencyFactor: 1 };

/** Daily shape: quiet nights, a peak around 14:00 UTC. */
function diurnal(hourOfDay: number): number {
  return hourOfDay < 4 ? 0.18 : 0.18 + 0.82 * Math.sin((Math.PI * (hourOfDay - 4)) / 20);
}

const WEEKDAY_FACTOR = [0.45, 1, 1, 1, 1, 0.9, 0.55];

/**
 * The synthetic traffic of every cell, hour by hour, split exactly into minutes. Coarser buckets
 * are sums of minutes, so totals agree across granularities. One instance serves one HTTP request:
 * its caches make batched documents (several series over the same range) cheap.
 */
export class TrafficModel {
  private minutes = new Map<string, Map<number, MinuteCounts>>();
  private series = new WeakMap<readonly Bucket[], Map<string, SeriesCounts>>();

  /**
   * `late`: ingestion delay, like the live service's: a minute's requests become visible over the
   * `lateMs` after it ends (a fraction growing linearly), so the newest buckets keep growing.
   */
  constructor(private readonly late: { now: number; lateMs: number } = { now: Infinity, lateMs: 0 }) {}

  /** The part of a minute's count visible at `now`. */
  private visible(count: number, minuteStart: number): number {
    const age = this.late.now - (minuteStart + MINUTE);
    return age >= this.late.lateMs ? count : Math.floor((count * Math.max(0, age)) / this.late.lateMs);
  }

  hour(cell: Cell, hour: number): HourCell {
    return cachedHour(cell, hour);
  }

  private minuteCounts(cell: Cell, hour: number): MinuteCounts {
    let byHour = this.minutes.get(cell.key);
    if (!byHour) {
      byHour = new Map();
      this.minutes.set(cell.key, byHour);
    }
    let m = byHour.get(hour);
    if (!m) {
      const h = this.hour(cell, hour);
      const sw = new Float64Array(60);
      const ew = new Float64Array(60);
      for (let i = 0; i < 60; i++) {
        sw[i] = 0.6 + 0.8 * unit(cell.seed, hour, 100 + i);
        // Cubing concentrates errors into a few minutes: visible bursts at 1m granularity.
        ew[i] = unit(cell.seed, hour, 200 + i) ** 3;
      }
      m = { success: Int32Array.from(splitExact(h.success, sw)), errors: Int32Array.from(splitExact(h.errors, ew)) };
      byHour.set(hour, m);
    }
    return m;
  }

  /** Counts over [from, to), both minute-aligned. */
  range(cell: Cell, from: number, to: number): Counts {
    let success = 0;
    let errors = 0;
    const lateFrom = this.late.now - this.late.lateMs - MINUTE;
    for (let hour = Math.floor(from / HOUR); hour * HOUR < to; hour++) {
      const hs = hour * HOUR;
      const settled = this.late.lateMs === 0 || hs + HOUR <= lateFrom;
      if (hs >= from && hs + HOUR <= to && settled) {
        const h = this.hour(cell, hour);
        success += h.success;
        errors += h.errors;
      } else {
        const m = this.minuteCounts(cell, hour);
        const first = Math.max(0, (from - hs) / MINUTE);
        const last = Math.min(60, (to - hs) / MINUTE);
        for (let i = first; i < last; i++) {
          const start = hs + i * MINUTE;
          success += settled ? m.success[i] : this.visible(m.success[i], start);
          errors += settled ? m.errors[i] : this.visible(m.errors[i], start);
        }
      }
    }
    return { success, errors };
  }

  /** Per-bucket counts for one cell, memoised per bucket list (bucket lists are shared per request). */
  seriesOf(cell: Cell, bs: readonly Bucket[]): SeriesCounts {
    let byCell = this.series.get(bs);
    if (!byCell) {
      byCell = new Map();
      this.series.set(bs, byCell);
    }
    let s = byCell.get(cell.key);
    if (!s) {
      s = { success: [], errors: [] };
      for (const b of bs) {
        const c = this.range(cell, b.from, b.to);
        s.success.push(c.success);
        s.errors.push(c.errors);
      }
      byCell.set(cell.key, s);
    }
    return s;
  }

  /** Hours overlapping [from, to) with their share of traffic inside the interval. */
  *hoursIn(cell: Cell, from: number, to: number): Generator<{ hour: number; cell: HourCell; total: number }> {
    for (let hour = Math.floor(from / HOUR); hour * HOUR < to; hour++) {
      const c = this.range(cell, Math.max(from, hour * HOUR), Math.min(to, (hour + 1) * HOUR));
      yield { hour, cell: this.hour(cell, hour), total: c.success + c.errors };
    }
  }
}

/**
 * Hour cells are pure functions of (cell, hour), so they are shared across requests: repeated
 * dashboard refreshes then cost almost nothing. Numeric keys per cell keep lookups cheap; the
 * cache is simply dropped when it grows past a bound (a few tens of MB).
 */
const HOUR_CACHE = new Map<string, Map<number, HourCell>>();
const HOUR_CACHE_LIMIT = 1_000_000;
let hourCacheSize = 0;

function cachedHour(cell: Cell, hour: number): HourCell {
  let byHour = HOUR_CACHE.get(cell.key);
  if (!byHour) {
    byHour = new Map();
    HOUR_CACHE.set(cell.key, byHour);
  }
  let h = byHour.get(hour);
  if (!h) {
    if (hourCacheSize >= HOUR_CACHE_LIMIT) {
      HOUR_CACHE.clear();
      hourCacheSize = 0;
      byHour = new Map();
      HOUR_CACHE.set(cell.key, byHour);
    }
    h = computeHour(cell, hour);
    byHour.set(hour, h);
    hourCacheSize++;
  }
  return h;
}

function computeHour(cell: Cell, hour: number): HourCell {
  const api = cell.api;
  const hod = ((hour % 24) + 24) % 24;
  // 1970-01-01 (hour 0) was a Thursday.
  const dow = (((Math.floor(hour / 24) + 4) % 7) + 7) % 7;
  if (api?.activity === 'businessHours' && (hod < 7 || hod >= 19)) {
    return EMPTY_HOUR;
  }
  if (api?.activity === 'weekdays' && (dow === 0 || dow === 6)) {
    return EMPTY_HOUR;
  }
  const s = cell.seed;
  const load = diurnal(hod) * WEEKDAY_FACTOR[dow];
  const noise = 0.85 + 0.3 * unit(s, hour, 1);
  const surge = api && unit(s, hour, 2) < 0.006 ? 2.5 + 1.5 * unit(s, hour, 3) : 1;
  const incident = api !== null && unit(s, hour, 4) < 0.012;
  const peak = api ? api.peakPerHour : UNMATCHED_PEAK_PER_HOUR;
  const total = Math.floor(peak * cell.env.volume * load * noise * surge + unit(s, hour, 5));
  let errorRate = 1;
  if (api) {
    errorRate = incident ? 0.2 + 0.4 * unit(s, hour, 6) : api.baseErrorRate * (0.6 + 0.8 * unit(s, hour, 7));
  }
  const errors = Math.round(total * errorRate);
  let latencyFactor = (1 + 0.25 * load) * (unit(s, hour, 8) < 0.04 ? 1.6 + unit(s, hour, 9) : 1);
  if (incident) {
    latencyFactor = 3 + 5 * unit(s, hour, 10);
  }
  return { success: total - errors, errors, incident, surge, latencyFactor };
}

/** A stable per-(cell, instant) seed for breakdown weights that drift slowly over time. */
export function driftSeed(cell: Cell, t: number, salt: number): number {
  return mix(cell.seed, Math.floor(t / HOUR), salt);
}

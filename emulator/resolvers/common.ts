import { RequestContext } from '../context';
import { Cell } from '../data/cells';
import { Counts } from '../data/traffic';
import { DataFilterInput } from '../data/scope';
import { APIS, ApiDef } from '../demo';
import {
  Bucket,
  Granularity,
  TimeFilterInput,
  TimeWindow,
  dataInterval,
  defaultWindow,
  parseGranularity,
  parseTimeFilter,
} from '../time';

export type { DataFilterInput, TimeFilterInput };

/** The bucketed view of one TimeFilter + granularity, shared by all series of a resolver. */
export interface SeriesFrame {
  window: TimeWindow;
  granularity: Granularity;
  buckets: readonly Bucket[];
  timeSpan(b: Bucket): string;
}

export function frame(
  ctx: RequestContext,
  tf: TimeFilterInput,
  granularity: string | null | undefined,
  field = 'timeFilter'
): SeriesFrame {
  const window = parseTimeFilter(tf, field);
  const g = parseGranularity(granularity, window);
  return {
    window,
    granularity: g,
    buckets: ctx.bucketsFor(window, g),
    timeSpan: (b) => b.timeSpan,
  };
}

/** Complete minutes of the (optional) filter's range; the default range is the last 30 days. */
export function interval(
  ctx: RequestContext,
  tf: TimeFilterInput | null | undefined,
  field = 'filter'
): { from: number; to: number; window: TimeWindow } {
  const window = tf ? parseTimeFilter(tf, field) : defaultWindow(ctx.now);
  return { ...dataInterval(window, ctx.now), window };
}

export function totalOver(ctx: RequestContext, cells: readonly Cell[], from: number, to: number): Counts {
  let success = 0;
  let errors = 0;
  for (const c of cells) {
    const r = ctx.model.range(c, from, to);
    success += r.success;
    errors += r.errors;
  }
  return { success, errors };
}

/** Per-bucket sums across cells. */
export function sumSeries(
  ctx: RequestContext,
  cells: readonly Cell[],
  f: SeriesFrame
): { success: number[]; errors: number[] } {
  const success = new Array<number>(f.buckets.length).fill(0);
  const errors = new Array<number>(f.buckets.length).fill(0);
  for (const c of cells) {
    const s = ctx.model.seriesOf(c, f.buckets);
    for (let i = 0; i < f.buckets.length; i++) {
      success[i] += s.success[i];
      errors[i] += s.errors[i];
    }
  }
  return { success, errors };
}

/** Groups cells of the same API (across environments); unmatched traffic groups under null. */
export function groupByApi(cells: readonly Cell[]): Array<{ api: ApiDef | null; cells: Cell[] }> {
  const groups = new Map<string, { api: ApiDef | null; cells: Cell[] }>();
  for (const c of cells) {
    const key = c.api ? c.api.id : '';
    let g = groups.get(key);
    if (!g) {
      g = { api: c.api, cells: [] };
      groups.set(key, g);
    }
    g.cells.push(c);
  }
  // Catalogue order first, unmatched last: stable and independent of filter order.
  const order = (a: ApiDef | null) => (a ? APIS.indexOf(a) : APIS.length);
  return [...groups.values()].sort((a, b) => order(a.api) - order(b.api));
}

export function toIds(x: string | null | undefined): string[] | null {
  return x ? [x] : null;
}

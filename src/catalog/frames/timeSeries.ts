import type { DataFrame, FieldConfig, Labels } from '@grafana/data';

import { timeSpanCache, toPointSeries, type BucketReader, type Fill } from '../../frames/align';
import { textOf } from '../../frames/depth';
import { wideTimeSeriesFrame, type SeriesSpec as FrameSeries } from '../../frames/timeSeriesFrame';
import { common } from '../catalog';
import { evaluate, type Context } from '../expressions';
import type { SeriesSpec, TimeSeriesFrameSpec } from '../format';
import { message } from '../messages';
import { objectsIn, objectsOf, readList, skippedNotice, unreadableNotice } from '../answer';
import { unreadable } from '../../frames/number';
import { getPath, isPresent, pathReader } from '../paths';
import type { BuiltFrames, FrameContext } from './context';

const text = textOf;

function labelsOf(spec: SeriesSpec, ctx: Context, f: FrameContext): Labels | undefined {
  if (!spec.labels) {
    return undefined;
  }
  const labels: Labels = {};
  for (const [k, e] of Object.entries(spec.labels)) {
    const v = evaluate(e, ctx, f.lookups);
    if (isPresent(v)) {
      labels[k] = text(v);
    }
  }
  return labels;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Items in the order of a text (stable): the same series order whatever order the API sends. */
function sortedBy(scopes: Context[], key: SeriesSpec['sortBy'], f: FrameContext): Context[] {
  const keys = scopes.map((ctx) => text(evaluate(key ?? null, ctx, f.lookups)));
  return scopes
    .map((ctx, i) => ({ ctx, k: keys[i], i }))
    .sort((a, b) => compareCodeUnits(a.k, b.k) || a.i - b.i)
    .map((x) => x.ctx);
}

/** `data.getLatency.summary` → `getLatency.summary`; `item.usage` → `<each>[].usage`. */
function labelOf(path: string, itemLabel: string): string {
  return path.startsWith('item.') ? `${itemLabel}.${path.slice(5)}` : path.replace(/^data\.?/, '');
}

function stepOf(spec: TimeSeriesFrameSpec, data: unknown, f: FrameContext): number {
  for (const path of spec.granularityFrom ?? []) {
    const g = getPath({ data }, path);
    if (typeof g === 'string' && Object.prototype.hasOwnProperty.call(common.granularities, g)) {
      return common.granularities[g];
    }
  }
  return common.granularities[f.granularity] ?? 0;
}

/** One `timeseries-wide` frame: a shared time field, one number field per series, aligned. */
export function timeSeriesFrames(spec: TimeSeriesFrameSpec, data: unknown, f: FrameContext): BuiltFrames {
  const base: Context = { data, options: f.options, attrs: f.attrs, granularity: f.granularity };
  const dropped = { count: 0, spans: timeSpanCache() };
  const notices: string[] = [];
  const series: FrameSeries[] = [];
  // Said after the lists' notices, in field order, as the other readers do.
  const valueNotices: string[] = [];
  for (const s of spec.series) {
    const scopes: Context[] = [];
    const itemLabel = s.each ? `${s.each.replace(/^data\.?/, '')}[]` : '';
    if (s.each) {
      const skipped = { count: 0 };
      const limit = s.limit === undefined ? undefined : evaluate(s.limit, base, f.lookups);
      const items = objectsOf(readList(base, s.each), skipped);
      const kept = (typeof limit === 'number' && limit >= 0 ? items.slice(0, limit) : items).map((item) => ({
        ...base,
        item,
      }));
      scopes.push(...(s.sortBy === undefined ? kept : sortedBy(kept, s.sortBy, f)));
      notices.push(...skippedNotice(itemLabel, skipped));
    } else {
      scopes.push(base);
    }
    const skippedBuckets = { count: 0 };
    // Once per series spec, not per bucket: they read every bucket of every item.
    const timeOf = pathReader(s.time) as BucketReader<unknown, string | null | undefined>;
    const valueOf = pathReader(s.value);
    for (const ctx of scopes) {
      if (s.include !== undefined && evaluate(s.include, ctx, f.lookups) !== true) {
        continue;
      }
      const buckets = objectsIn(readList(ctx, s.buckets, { item: itemLabel }), skippedBuckets);
      const fill: Fill = evaluate(s.fill, ctx, f.lookups) === 'null' ? 'null' : 'zero';
      const displayName = s.displayName === undefined ? undefined : evaluate(s.displayName, ctx, f.lookups);
      const config: FieldConfig | undefined = s.axis === 'right' ? { custom: { axisPlacement: 'right' } } : undefined;
      const field = text(evaluate(s.field, ctx, f.lookups));
      const shownAs = displayName === undefined ? undefined : text(displayName);
      const bad = unreadable();
      series.push({
        field,
        displayName: shownAs,
        labels: labelsOf(s, ctx, f),
        unit: text(evaluate(s.unit, ctx, f.lookups)),
        config,
        points: toPointSeries(buckets, timeOf, valueOf, fill, dropped, bad),
      });
      valueNotices.push(...unreadableNotice(shownAs || field, bad));
    }
    notices.push(...skippedNotice(labelOf(s.buckets, itemLabel), skippedBuckets));
  }
  const frame: DataFrame = wideTimeSeriesFrame(series, {
    fromMs: f.fromMs,
    toMs: f.toMs,
    stepMs: stepOf(spec, data, f),
  });
  if (dropped.count > 0) {
    notices.push(message('droppedBuckets', { n: dropped.count }));
  }
  notices.push(...valueNotices);
  return { frames: [frame], notices };
}

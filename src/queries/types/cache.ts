import { toPointSeries } from '../../frames/align';
import { rightAxis, UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import { droppedCounter, gridFor, oneId, reportDropped, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const CACHE_DOC = `query CacheHitsAndMisses($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: CacheFilter) {
  getCacheHitsAndMisses(timeFilter: $timeFilter, cacheFilter: $filter, dataFilter: $dataFilter) {
    granularity
    summary { timeSpan hits misses hitPercentage }
  }
}`;

interface CacheBucket {
  timeSpan: string;
  hits?: number | null;
  misses?: number | null;
  hitPercentage?: number | null;
}
interface CacheData {
  getCacheHitsAndMisses?: { granularity?: string | null; summary?: Array<CacheBucket | null> | null } | null;
}

/** Cache: response cache hits and misses (counts) and hit % (a ratio: no requests = no value). */
export const cache = defineHandler<CacheData>({
  shape: 'timeseries-wide',
  apiFilter: 'one',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'CacheHitsAndMisses',
    document: CACHE_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiId: oneId(ctx.apiIds), granularity: ctx.granularity } },
  }),
  toFrames: (data, _q, ctx) => {
    const d = data.getCacheHitsAndMisses;
    const dropped = droppedCounter();
    const ts = (b: CacheBucket) => b.timeSpan;
    const frame = wideTimeSeriesFrame(
      [
        {
          field: 'Hits',
          displayName: 'Hits',
          unit: UNIT.count,
          points: toPointSeries(d?.summary, ts, (b) => b.hits, 'zero', dropped),
        },
        {
          field: 'Misses',
          displayName: 'Misses',
          unit: UNIT.count,
          points: toPointSeries(d?.summary, ts, (b) => b.misses, 'zero', dropped),
        },
        {
          field: 'Hit %',
          displayName: 'Hit %',
          unit: UNIT.percent,
          config: rightAxis(),
          points: toPointSeries(d?.summary, ts, (b) => b.hitPercentage, 'null', dropped),
        },
      ],
      gridFor(ctx, d?.granularity)
    );
    reportDropped(ctx, dropped);
    return [frame];
  },
});

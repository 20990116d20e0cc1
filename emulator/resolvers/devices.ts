import { RequestContext } from '../context';
import { splitByDevice, splitCache } from '../data/breakdowns';
import { resolveCells, resolveEnvironments } from '../data/scope';
import { DataFilterInput, TimeFilterInput, frame, interval, toIds } from './common';

/** The Devices and Cache pages, and geolocation (on-prem only, hence always empty here). */

type Ids = ReadonlyArray<string | null> | null | undefined;

interface DeviceArgs {
  timeFilter: TimeFilterInput;
  deviceFilter?: { apiIds?: Ids } | null;
  dataFilter: DataFilterInput;
}

/** The top nine by count, the rest summed as "Other" (as documented). */
function topNine(ctx: RequestContext, args: DeviceArgs, kind: 'platform' | 'userAgent') {
  const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
  const totals = new Map<string, number>();
  for (const cell of resolveCells(ctx, args.dataFilter, {
    apiIds: args.deviceFilter?.apiIds,
    includeUnmatched: false,
  })) {
    const c = ctx.model.range(cell, from, to);
    for (const [name, n] of splitByDevice(cell, kind, c.success + c.errors)) {
      totals.set(name, (totals.get(name) ?? 0) + n);
    }
  }
  const ranked = [...totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked.slice(0, 9);
  const rest = ranked.slice(9).reduce((s, [, n]) => s + n, 0);
  if (rest > 0) {
    top.push(['Other', rest]);
  }
  return top;
}

export const deviceResolvers = {
  getTopPlatforms(args: DeviceArgs, ctx: RequestContext) {
    return topNine(ctx, args, 'platform').map(([platform, count]) => ({ platform, count }));
  },

  getTopUserAgents(args: DeviceArgs, ctx: RequestContext) {
    return topNine(ctx, args, 'userAgent').map(([userAgent, count]) => ({ userAgent, count }));
  },

  getAPIUsageByGeoLocation(
    args: { timeFilter: TimeFilterInput; dataFilter: DataFilterInput; geoLocationFilter?: { apiIds?: Ids } | null },
    ctx: RequestContext
  ) {
    // Documented as on-premise only; every demo environment is a CHOREO (cloud) one.
    interval(ctx, args.timeFilter, 'timeFilter');
    resolveEnvironments(ctx, args.dataFilter);
    return [];
  },

  getCacheHitsAndMisses(
    args: {
      timeFilter: TimeFilterInput;
      cacheFilter?: { apiId?: string | null; granularity?: string | null } | null;
      dataFilter: DataFilterInput;
    },
    ctx: RequestContext
  ) {
    const f = frame(ctx, args.timeFilter, args.cacheFilter?.granularity);
    const cells = resolveCells(ctx, args.dataFilter, {
      apiIds: toIds(args.cacheFilter?.apiId),
      includeUnmatched: false,
    });
    const summary = [];
    for (let i = 0; i < f.buckets.length; i++) {
      const b = f.buckets[i];
      let hits = 0;
      let misses = 0;
      for (const cell of cells) {
        const c = splitCache(cell, b.start, ctx.model.seriesOf(cell, f.buckets).success[i]);
        hits += c.hits;
        misses += c.misses;
      }
      if (hits + misses > 0) {
        summary.push({
          timeSpan: f.timeSpan(b),
          hits,
          misses,
          hitPercentage: Math.round((hits / (hits + misses)) * 10000) / 100,
        });
      }
    }
    return { summary, granularity: f.granularity };
  },
};

import { RequestContext } from '../context';
import { LATENCY_KEYS, combinedLatency } from '../data/latency';
import { resolveCells } from '../data/scope';
import { compositeApiId } from '../demo';
import { userError } from '../errors';
import { DataFilterInput, TimeFilterInput, frame, groupByApi, interval } from './common';

/** The Latency page: slowest APIs and per-API latency breakdown over time. */

export const latencyResolvers = {
  /** apiId here is the composite "<name> - <version>", as the live API returns it. */
  topSlowestAPIs(args: { filter: TimeFilterInput; dataFilter: DataFilterInput; limit: number }, ctx: RequestContext) {
    if (args.limit < 1) {
      throw userError(`Invalid limit ${args.limit}: must be a positive integer`);
    }
    const { from, to } = interval(ctx, args.filter);
    const rows = [];
    for (const g of groupByApi(resolveCells(ctx, args.dataFilter, { includeUnmatched: false }))) {
      const l = g.api ? combinedLatency(ctx.model, g.cells, from, to) : null;
      if (g.api && l) {
        rows.push({ apiId: compositeApiId(g.api), latency: Math.round(l.response) });
      }
    }
    return rows.sort((a, b) => b.latency - a.latency || a.apiId.localeCompare(b.apiId)).slice(0, args.limit);
  },

  getLatency(
    args: {
      timeFilter: TimeFilterInput;
      latencyFilter: { apiId: string; granularity?: string | null };
      dataFilter: DataFilterInput;
    },
    ctx: RequestContext
  ) {
    const f = frame(ctx, args.timeFilter, args.latencyFilter.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: [args.latencyFilter.apiId] });
    const summary = [];
    for (const b of f.buckets) {
      const l = combinedLatency(ctx.model, cells, b.from, b.to);
      if (l) {
        const row: Record<string, string | number> = { timeSpan: f.timeSpan(b) };
        for (const k of LATENCY_KEYS) {
          row[k] = Math.round(l[k]);
        }
        summary.push(row);
      }
    }
    return { summary, granularity: f.granularity };
  },

  /** Fails server-side on the live service (reported by WSO2's own client); so it does here. */
  getOverallLatencyByAPI(): never {
    throw userError(
      'Internal Server Error: failed to fetch the overall latency by API. Use getLatency instead.',
      'INTERNAL_SERVER_ERROR'
    );
  },
};

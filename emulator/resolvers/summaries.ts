import { RequestContext } from '../context';
import { combinedLatency, round2 } from '../data/latency';
import { resolveCells } from '../data/scope';
import { DataFilterInput, TimeFilterInput, frame, interval, sumSeries, toIds, totalOver } from './common';

/** Org-wide totals and the success / error / latency series of the Overview page. */

interface TotalArgs {
  filter: TimeFilterInput;
  dataFilter: DataFilterInput;
}

interface SummaryArgs extends TotalArgs {
  granularity?: string | null;
}

interface ByApiArgs {
  filter?: TimeFilterInput | null;
  dataFilter: DataFilterInput;
  apiId: string;
}

export const summaryResolvers = {
  getTotalTraffic(args: TotalArgs, ctx: RequestContext) {
    const { from, to } = interval(ctx, args.filter);
    const c = totalOver(ctx, resolveCells(ctx, args.dataFilter), from, to);
    return c.success + c.errors;
  },

  getTotalErrors(args: TotalArgs, ctx: RequestContext) {
    const { from, to } = interval(ctx, args.filter);
    return totalOver(ctx, resolveCells(ctx, args.dataFilter), from, to).errors;
  },

  getOverallLatency(args: TotalArgs, ctx: RequestContext) {
    const { from, to } = interval(ctx, args.filter);
    const l = combinedLatency(ctx.model, resolveCells(ctx, args.dataFilter), from, to);
    return l ? round2(l.response) : null;
  },

  getLatencySummary(
    args: TotalArgs & { latencySummaryFilter?: { apiId?: string | null; granularity?: string | null } | null },
    ctx: RequestContext
  ) {
    const f = frame(ctx, args.filter, args.latencySummaryFilter?.granularity, 'filter');
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: toIds(args.latencySummaryFilter?.apiId) });
    const summary = [];
    for (const b of f.buckets) {
      const l = combinedLatency(ctx.model, cells, b.from, b.to);
      if (l) {
        summary.push({ timeSpan: f.timeSpan(b), latencyTime: round2(l.response) });
      }
    }
    return { summary, granularity: f.granularity };
  },

  getSuccessSummary(args: SummaryArgs, ctx: RequestContext) {
    const f = frame(ctx, args.filter, args.granularity, 'filter');
    const s = sumSeries(ctx, resolveCells(ctx, args.dataFilter), f);
    const summary = f.buckets
      .map((b, i) => ({ timeSpan: f.timeSpan(b), requestCount: s.success[i] }))
      .filter((_, i) => s.success[i] > 0);
    return { summary, granularity: f.granularity };
  },

  getErrorSummary(args: SummaryArgs, ctx: RequestContext) {
    const f = frame(ctx, args.filter, args.granularity, 'filter');
    const s = sumSeries(ctx, resolveCells(ctx, args.dataFilter), f);
    const summary = f.buckets
      .map((b, i) => ({ timeSpan: f.timeSpan(b), errorCount: s.errors[i] }))
      .filter((_, i) => s.errors[i] > 0);
    return { summary, granularity: f.granularity };
  },

  getTotalTrafficByAPI(args: ByApiArgs, ctx: RequestContext) {
    const { from, to } = interval(ctx, args.filter);
    const c = totalOver(ctx, resolveCells(ctx, args.dataFilter, { apiIds: [args.apiId] }), from, to);
    return c.success + c.errors;
  },

  getTotalErrorsByAPI(args: ByApiArgs, ctx: RequestContext) {
    const { from, to } = interval(ctx, args.filter);
    return { proxy: totalOver(ctx, resolveCells(ctx, args.dataFilter, { apiIds: [args.apiId] }), from, to).errors };
  },
};

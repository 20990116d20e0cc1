import { readList } from '../../catalog/answer';
import type { RequestSpec, TimeSeriesFrameSpec } from '../../catalog/format';
import { buildRequest, type RequestContext } from '../../catalog/request';
import type { GraphQLRequest } from '../../client/insightsClient';
import { offsetMinutes, timeFilterOf, toIsoWithOffset } from '../../time/timeFilter';
import type { IncrementalCache } from './cache';
import { mergeParts, type Part } from './merge';
import { incrementalPlan, type Span } from './plan';

/** What a data source instance keeps for incremental refreshes (absent: refresh in full). */
export interface IncrementalDeps {
  cache: IncrementalCache;
  overlapMs: number;
}

export interface Refresh {
  /** What to send: the whole range, or its first bucket and newest buckets. */
  requests: GraphQLRequest[];
  /** The whole range's answer from the answers of `requests`; kept for the next refresh when `keep`. */
  complete(datas: unknown[], keep: boolean): unknown;
  /** For the Query inspector: what was fetched, when only part of the range was. */
  note?: string;
}

/** Buckets and items of an answer, a cheap stand-in for its size in the cache's byte bound. */
function sizeOf(spec: TimeSeriesFrameSpec, data: unknown): number {
  let n = 0;
  for (const s of spec.series) {
    try {
      if (s.each) {
        for (const item of readList({ data }, s.each)) {
          n += 128 + 64 * readList({ item }, s.buckets).length;
        }
      } else {
        n += 64 * readList({ data }, s.buckets).length;
      }
    } catch {
      n += 1024;
    }
  }
  return n;
}

/**
 * The requests of a time series target, and how their answers make the whole range's: when the
 * same query ran before over a range this one overlaps (same document and variables but the
 * time filter), only the first and the newest buckets are fetched and merged with the cached
 * answer — frames identical to a full fetch. Otherwise the whole range, cached for next time.
 */
export function refreshOf(
  inc: IncrementalDeps | undefined,
  spec: TimeSeriesFrameSpec,
  request: RequestSpec,
  ctx: RequestContext,
  range: Span,
  zone: string
): Refresh {
  const whole = buildRequest(request, ctx);
  if (!inc || !spec.incremental) {
    return { requests: [whole], complete: ([data]) => data };
  }
  const { timeFilter: _, ...rest } = whole.variables ?? {};
  const key = JSON.stringify([whole.query, rest]);
  // The API aligns buckets in the offset of the filter's `from`: the whole range's, which every
  // part must repeat (across a daylight-saving change the newest buckets' own offset differs).
  const offset = zone === 'UTC' ? 0 : (offsetMinutes(zone, range.fromMs) ?? 0);
  const store = (data: unknown, keep: boolean) => {
    // Answers with errors are not kept: their errors are often transient.
    if (keep) {
      inc.cache.set(key, { ...range, offsetMinutes: offset, data, bytes: sizeOf(spec, data) });
    }
    return data;
  };
  const cached = inc.cache.get(key);
  // Buckets cached in another offset (the range start crossed a daylight-saving change) are not
  // the buckets a full fetch gives now.
  const reusable = cached?.offsetMinutes === offset ? cached : undefined;
  const plan = incrementalPlan(reusable, range.fromMs, range.toMs, ctx.granularity, offset, inc.overlapMs);
  if (!plan || !cached) {
    return { requests: [whole], complete: ([data], keep) => store(data, keep) };
  }
  const part = (span: Span) => {
    const own = timeFilterOf(span.fromMs, span.toMs, zone) ?? timeFilterOf(span.fromMs, span.toMs)!;
    const timeFilter = { ...own, from: toIsoWithOffset(span.fromMs, offset) };
    return buildRequest(request, { ...ctx, timeFilter });
  };
  const requests = [...(plan.head ? [part(plan.head)] : []), part(plan.tail)];
  const fromOf = (r: GraphQLRequest) => (r.variables?.timeFilter as { from?: string } | undefined)?.from;
  const note =
    `# incremental refresh: fetched ${plan.head ? `the first bucket (from ${fromOf(requests[0])}) and ` : ''}` +
    `the buckets from ${fromOf(requests[requests.length - 1])}; the ones between come from the last refresh`;
  return {
    requests,
    note,
    complete: (datas, keep) => {
      const parts: Part[] = [];
      if (plan.head) {
        parts.push({ data: datas[0], span: { fromMs: Number.NEGATIVE_INFINITY, toMs: plan.keep.fromMs } });
      }
      parts.push({ data: cached.data, span: plan.keep });
      parts.push({ data: datas[datas.length - 1], span: { fromMs: plan.tail.fromMs, toMs: Number.POSITIVE_INFINITY } });
      return store(mergeParts(spec, parts), keep);
    },
  };
}

import type { QueryResultMetaNotice } from '@grafana/data';

import { TimeSpanCache, type BucketGrid } from '../frames/align';
import { GRANULARITY_MS, isConcreteGranularity } from '../time/granularity';
import type { ChoreoQuery } from '../types';
import type { QueryContext } from './handler';

/** Variables every metric document declares as `$timeFilter: TimeFilter!, $dataFilter: DataFilter!`. */
export function scopeVariables(ctx: QueryContext): {
  timeFilter: QueryContext['timeFilter'];
  dataFilter: QueryContext['dataFilter'];
} {
  return { timeFilter: ctx.timeFilter, dataFilter: ctx.dataFilter };
}

/** The bucket grid for filling count series, from the granularity the API says it used. */
export function gridFor(ctx: QueryContext, responseGranularity: string | null | undefined): BucketGrid {
  const g = isConcreteGranularity(responseGranularity) ? responseGranularity : ctx.granularity;
  return { fromMs: ctx.fromMs, toMs: ctx.toMs, stepMs: GRANULARITY_MS[g] };
}

/**
 * Per-response state passed to toPointSeries: counts skipped buckets (reported once per query)
 * and carries the response's timestamp cache, so series repeating the same bucket times parse
 * each one once.
 */
export function droppedCounter(): { count: number; spans: TimeSpanCache } {
  return { count: 0, spans: new TimeSpanCache() };
}

export function reportDropped(ctx: QueryContext, dropped: { count: number }): void {
  if (dropped.count > 0) {
    ctx.notices.push(notice(`${dropped.count} bucket(s) had a timestamp that could not be read and were left out.`));
  }
}

export function notice(text: string, severity: QueryResultMetaNotice['severity'] = 'warning'): QueryResultMetaNotice {
  return { severity, text };
}

/** The single id of a one-id filter, or undefined for all. */
export function oneId(ids: string[] | undefined): string | undefined {
  return ids?.[0];
}

/** Drops null entries of a list the API may return with holes. */
export function present<T>(list: ReadonlyArray<T | null | undefined> | null | undefined): T[] {
  const out: T[] = [];
  // Whatever came off the network where a list belongs: anything else reads as no rows.
  if (!Array.isArray(list)) {
    return out;
  }
  for (const x of list) {
    if (x !== null && x !== undefined) {
      out.push(x);
    }
  }
  return out;
}

/** `paginationFilter` for the current page, with the query's sort. */
export function paginationFilter(
  ctx: QueryContext,
  sort: { sortBy?: string; sortOrder?: string }
): { limit: number; offset: number; sortBy?: string; sortOrder?: string } {
  const page = ctx.page ?? { offset: 0, limit: PAGE_LIMIT };
  return {
    limit: page.limit,
    offset: page.offset,
    sortBy: sort.sortBy || undefined,
    sortOrder: sort.sortOrder || undefined,
  };
}

/**
 * The most rows one request asks for (the API pages by 5 rows unless told otherwise). With the
 * default maxRows it is the whole result in one request; a server that caps pages lower is
 * followed page by page (see fetchPages).
 */
export const PAGE_LIMIT = 1000;
/** Paginated queries stop here unless the query sets maxRows. */
export const DEFAULT_MAX_ROWS = 1000;

/** `searchFilter` when the user typed a search text (the API requires the text). */
export function searchFilter(
  search: string | undefined,
  apiIds?: string[]
): { searchText: string; apiIds?: string[] } | undefined {
  const text = search?.trim();
  return text ? { searchText: text, apiIds } : undefined;
}

/** Top-N queries: the limit, when given, must be a positive whole number. */
export function limitProblem(q: Pick<ChoreoQuery, 'limit'>): string | undefined {
  return q.limit !== undefined && !(Number.isInteger(q.limit) && q.limit > 0)
    ? `Limit must be a positive whole number (got ${q.limit}).`
    : undefined;
}

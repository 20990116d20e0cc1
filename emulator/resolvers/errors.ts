import { RequestContext } from '../context';
import {
  CategoryCounts,
  ERROR_CATEGORIES,
  ErrorCategory,
  is4xx,
  splitByApp,
  splitErrorCategories,
  splitStatusCodes,
} from '../data/breakdowns';
import { resolveCells } from '../data/scope';
import { AppDef } from '../demo';
import { userError } from '../errors';
import { PaginationInput, SearchInput, matchesSearch, paginate } from './pagination';
import { DataFilterInput, TimeFilterInput, frame, groupByApi, interval, toIds } from './common';

/** The Errors page: categories, status codes, proxy vs target, and the error details table. */

const CATEGORY_FIELD: Readonly<Record<ErrorCategory, string>> = {
  AUTH: 'auth',
  TARGET_CONNECTIVITY: 'targetConnectivity',
  THROTTLED: 'throttled',
  OTHER: 'other',
};

const REASONS: Readonly<Record<ErrorCategory, string>> = {
  AUTH: 'Invalid Credentials',
  TARGET_CONNECTIVITY: 'Error connecting to the backend',
  THROTTLED: 'Message throttled out',
  OTHER: 'Backend responded with an error status',
};
const UNMATCHED_REASON = 'No matching resource found for the API request';

function parseCategory(c: string): ErrorCategory {
  if ((ERROR_CATEGORIES as readonly string[]).includes(c)) {
    return c as ErrorCategory;
  }
  throw userError(`Invalid error category '${c}'. Supported values: ${ERROR_CATEGORIES.join(', ')}`);
}

interface Base {
  timeFilter: TimeFilterInput;
  dataFilter: DataFilterInput;
}

interface DetailRow {
  start: number;
  apiId: string | null;
  timeSpan: string;
  applicationId: string | null;
  applicationName: string | null;
  applicationOwner: string | null;
  reason: string;
  count: number;
  category: ErrorCategory;
  apiName: string | null;
}

export const errorResolvers = {
  getErrorsByCategory(
    args: Base & {
      errorsByCategoryFilter?: {
        apiId?: string | null;
        categories?: ReadonlyArray<string | null> | null;
        granularity?: string | null;
      } | null;
    },
    ctx: RequestContext
  ) {
    const filter = args.errorsByCategoryFilter;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const selected = (filter?.categories ?? []).filter((c): c is string => !!c).map(parseCategory);
    const cats = selected.length > 0 ? selected : ERROR_CATEGORIES;
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: toIds(filter?.apiId) });
    const errors = [];
    for (let i = 0; i < f.buckets.length; i++) {
      const b = f.buckets[i];
      const sum: CategoryCounts = { AUTH: 0, TARGET_CONNECTIVITY: 0, THROTTLED: 0, OTHER: 0 };
      for (const cell of cells) {
        const s = ctx.model.seriesOf(cell, f.buckets);
        const split = splitErrorCategories(cell, b.start, s.errors[i], s.errors[i] + s.success[i]);
        for (const c of ERROR_CATEGORIES) {
          sum[c] += split[c];
        }
      }
      if (cats.some((c) => sum[c] > 0)) {
        const row: Record<string, string | number | null> = { timeSpan: f.timeSpan(b) };
        for (const c of ERROR_CATEGORIES) {
          // Unselected categories are null, as documented.
          row[CATEGORY_FIELD[c]] = cats.includes(c) ? sum[c] : null;
        }
        errors.push(row);
      }
    }
    return { errors, granularity: f.granularity };
  },

  getProxyTargetErrorsOverTime(
    args: Base & { errorsByStatusCodeFilter?: { apiId?: string | null; granularity?: string | null } | null },
    ctx: RequestContext
  ) {
    const filter = args.errorsByStatusCodeFilter;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: toIds(filter?.apiId) });
    const out = [];
    for (let i = 0; i < f.buckets.length; i++) {
      const b = f.buckets[i];
      const proxy = { _4xx: 0, _5xx: 0, total: 0 };
      const target = { _4xx: 0, _5xx: 0, total: 0 };
      for (const cell of cells) {
        const s = ctx.model.seriesOf(cell, f.buckets);
        const cats = splitErrorCategories(cell, b.start, s.errors[i], s.errors[i] + s.success[i]);
        for (const code of splitStatusCodes(cell, cats)) {
          const key = is4xx(code.code) ? '_4xx' : '_5xx';
          proxy[key] += code.count;
          proxy.total += code.count;
          if (code.fromTarget) {
            target[key] += code.count;
            target.total += code.count;
          }
        }
      }
      if (proxy.total > 0) {
        out.push({ timeSpan: f.timeSpan(b), proxy, target });
      }
    }
    return out;
  },

  getErrorsByStatusCode(
    args: Base & {
      errorCountByStatusCodeFilter: {
        apiId?: string | null;
        errorType: 'PROXY' | 'TARGET';
        errorCodeType?: '_4XX' | '_5XX' | null;
        paginationFilter?: PaginationInput | null;
      };
    },
    ctx: RequestContext
  ) {
    const filter = args.errorCountByStatusCodeFilter;
    const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: toIds(filter.apiId), includeUnmatched: false });
    const rows = [];
    for (const g of groupByApi(cells)) {
      if (!g.api) {
        continue;
      }
      const byCode = new Map<string, number>();
      for (const cell of g.cells) {
        const c = ctx.model.range(cell, from, to);
        const cats = splitErrorCategories(cell, from, c.errors, c.errors + c.success);
        for (const code of splitStatusCodes(cell, cats)) {
          if (filter.errorType === 'TARGET' && !code.fromTarget) {
            continue;
          }
          if (filter.errorCodeType && is4xx(code.code) !== (filter.errorCodeType === '_4XX')) {
            continue;
          }
          byCode.set(code.code, (byCode.get(code.code) ?? 0) + code.count);
        }
      }
      if (byCode.size > 0) {
        const errorCountByCode = [...byCode.entries()]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([statusCode, count]) => ({ statusCode, count }));
        rows.push({ apiId: g.api.id, errorCountByCode, total: errorCountByCode.reduce((s, x) => s + x.count, 0) });
      }
    }
    const page = paginate(rows, filter.paginationFilter, {
      maxPageSize: ctx.maxPageSize,
      claimTotal: ctx.claimTotal,
      defaultSortBy: 'apiId',
      columns: { apiId: (r) => r.apiId, count: (r) => r.total },
    });
    return { errors: page.items, pagination: page.pagination };
  },

  getErrorsDetails(
    args: Base & {
      errorsDetailsFilter?: {
        apiId?: string | null;
        appId?: string | null;
        category?: string | null;
        granularity?: string | null;
        paginationFilter?: PaginationInput | null;
        searchFilter?: SearchInput | null;
      } | null;
    },
    ctx: RequestContext
  ) {
    const filter = args.errorsDetailsFilter;
    const category = filter?.category ? parseCategory(filter.category) : null;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: toIds(filter?.apiId) });
    const rows = new Map<string, DetailRow>();
    const add = (
      start: number,
      timeSpan: string,
      cat: ErrorCategory,
      cellApi: DetailRow['apiName'],
      apiId: string | null,
      app: AppDef | null,
      reason: string,
      n: number
    ) => {
      if (n <= 0 || (filter?.appId && app?.id !== filter.appId)) {
        return;
      }
      const key = `${start}|${apiId}|${cat}|${app?.id ?? ''}`;
      const row = rows.get(key);
      if (row) {
        row.count += n;
        return;
      }
      rows.set(key, {
        start,
        apiId,
        timeSpan,
        applicationId: app?.id ?? null,
        applicationName: app?.name ?? null,
        applicationOwner: app?.owner ?? null,
        reason,
        count: n,
        category: cat,
        apiName: cellApi,
      });
    };
    for (let i = 0; i < f.buckets.length; i++) {
      const b = f.buckets[i];
      for (const cell of cells) {
        const s = ctx.model.seriesOf(cell, f.buckets);
        if (s.errors[i] === 0) {
          continue;
        }
        const cats = splitErrorCategories(cell, b.start, s.errors[i], s.errors[i] + s.success[i]);
        for (const cat of ERROR_CATEGORIES) {
          if (category && cat !== category) {
            continue;
          }
          const api = cell.api;
          if (!api) {
            add(b.start, b.timeSpan, cat, null, null, null, UNMATCHED_REASON, cats[cat]);
          } else if (cat === 'AUTH') {
            // Requests with bad credentials cannot be tied to an application.
            add(b.start, b.timeSpan, cat, api.name, api.id, null, REASONS[cat], cats[cat]);
          } else {
            for (const a of splitByApp(cell, b.start, cats[cat])) {
              add(b.start, b.timeSpan, cat, api.name, api.id, a.app, REASONS[cat], a.count);
            }
          }
        }
      }
    }
    const all = [...rows.values()].filter((r) =>
      matchesSearch(filter?.searchFilter, r.apiId, [r.reason, r.applicationName, r.apiName])
    );
    const page = paginate(all, filter?.paginationFilter, {
      maxPageSize: ctx.maxPageSize,
      claimTotal: ctx.claimTotal,
      defaultSortBy: 'timeSpan',
      columns: {
        timeSpan: (r) => r.start,
        apiId: (r) => r.apiId ?? '',
        applicationName: (r) => r.applicationName ?? '',
        reason: (r) => r.reason,
        count: (r) => r.count,
      },
    });
    const usage = page.items.map((r) => ({
      apiId: r.apiId,
      timeSpan: r.timeSpan,
      applicationId: r.applicationId,
      applicationName: r.applicationName,
      applicationOwner: r.applicationOwner,
      reason: r.reason,
      count: r.count,
    }));
    return { usage, pagination: page.pagination };
  },
};

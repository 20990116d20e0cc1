import { RequestContext } from '../context';
import { alertsIn } from '../data/alerts';
import { cleanIds, resolveCells } from '../data/scope';
import { userError } from '../errors';
import { formatTimeSpan } from '../time';
import { DataFilterInput, TimeFilterInput, interval } from './common';
import { PaginationInput, SearchInput, matchesSearch, paginate } from './pagination';

/** The Alerts page. Alert rows name APIs by the composite "<name> - <version>". */

const CATEGORIES = ['LATENCY', 'TRAFFIC'];

export const alertResolvers = {
  getTopAPIsByAlertCount(
    args: {
      timeFilter: TimeFilterInput;
      topAPIsByAlertCountFilter?: {
        paginationFilter?: PaginationInput | null;
        searchFilter?: SearchInput | null;
      } | null;
      dataFilter: DataFilterInput;
    },
    ctx: RequestContext
  ) {
    const filter = args.topAPIsByAlertCountFilter;
    const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
    const counts = new Map<string, { apiId: string; count: number; uuid: string; name: string }>();
    for (const a of alertsIn(ctx, resolveCells(ctx, args.dataFilter, { includeUnmatched: false }), from, to)) {
      const e = counts.get(a.apiId) ?? { apiId: a.apiId, count: 0, uuid: a.api.id, name: a.api.name };
      e.count++;
      counts.set(a.apiId, e);
    }
    const rows = [...counts.values()]
      .filter((r) => matchesSearch(filter?.searchFilter, r.uuid, [r.apiId, r.name]))
      .sort((a, b) => a.apiId.localeCompare(b.apiId));
    const page = paginate(rows, filter?.paginationFilter, {
      maxPageSize: ctx.maxPageSize,
      claimTotal: ctx.claimTotal,
      defaultSortBy: 'count',
      columns: { count: (r) => r.count, apiId: (r) => r.apiId },
      alwaysDesc: true,
    });
    return { usage: page.items.map((r) => ({ apiId: r.apiId, count: r.count })), pagination: page.pagination };
  },

  getAlertSummary(
    args: {
      timeFilter: TimeFilterInput;
      alertSummaryFilter?: {
        paginationFilter?: PaginationInput | null;
        searchFilter?: SearchInput | null;
        apiIds?: ReadonlyArray<string | null> | null;
        category?: string | null;
      } | null;
      dataFilter: DataFilterInput;
    },
    ctx: RequestContext
  ) {
    const filter = args.alertSummaryFilter;
    const category = filter?.category ?? null;
    if (category && !CATEGORIES.includes(category)) {
      throw userError(`Invalid alert category '${category}'. Supported values: ${CATEGORIES.join(', ')}`);
    }
    const { from, to, window } = interval(ctx, args.timeFilter, 'timeFilter');
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: cleanIds(filter?.apiIds), includeUnmatched: false });
    const rows = alertsIn(ctx, cells, from, to).filter(
      (a) =>
        (!category || a.category === category) &&
        matchesSearch(filter?.searchFilter, a.api.id, [a.apiId, a.message, a.severity, a.metric])
    );
    const page = paginate(rows, filter?.paginationFilter, {
      maxPageSize: ctx.maxPageSize,
      claimTotal: ctx.claimTotal,
      defaultSortBy: 'timestamp',
      columns: {
        timestamp: (a) => a.timestamp,
        apiId: (a) => a.apiId,
        category: (a) => a.category,
        metric: (a) => a.metric,
        severity: (a) => ['LOW', 'MEDIUM', 'HIGH'].indexOf(a.severity),
      },
    });
    return {
      usage: page.items.map((a) => ({
        apiId: a.apiId,
        timestamp: formatTimeSpan(a.timestamp, window.offsetMinutes),
        category: a.category,
        metric: a.metric,
        severity: a.severity,
        message: a.message,
      })),
      pagination: page.pagination,
    };
  },
};

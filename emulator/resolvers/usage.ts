import { RequestContext } from '../context';
import { Cell } from '../data/cells';
import { splitByApp, splitByResource } from '../data/breakdowns';
import { cleanIds, resolveCells } from '../data/scope';
import { APIS, ApiDef, AppDef, DEMO_CREDENTIALS, ENVIRONMENTS, TENANT, applicationsOf, compositeApiId } from '../demo';
import { userError } from '../errors';
import { DataFilterInput, SeriesFrame, TimeFilterInput, frame, groupByApi, interval } from './common';
import { PaginationInput, SearchInput, matchesSearch, paginate } from './pagination';

/** The Traffic page: usage per API, per application, per backend, per resource. */

type Ids = ReadonlyArray<string | null> | null | undefined;

interface UsageOverTimeFilter {
  apiIds?: Ids;
  appIds?: Ids;
  granularity?: string | null;
  trafficType?: string | null;
  apiIdVersionPairs?: ReadonlyArray<{ id: string; version: string } | null> | null;
}

interface Base {
  timeFilter: TimeFilterInput;
  dataFilter: DataFilterInput;
}

/** Per-bucket requests of one cell, optionally only those of some applications. */
function cellCounts(ctx: RequestContext, cell: Cell, f: SeriesFrame, appIds: string[]): number[] {
  const s = ctx.model.seriesOf(cell, f.buckets);
  return f.buckets.map((b, i) => {
    const total = s.success[i] + s.errors[i];
    if (appIds.length === 0) {
      return total;
    }
    return splitByApp(cell, b.start, total)
      .filter((a) => appIds.includes(a.app.id))
      .reduce((sum, a) => sum + a.count, 0);
  });
}

function toUsage(f: SeriesFrame, counts: number[]) {
  return f.buckets.map((b, i) => ({ timeSpan: f.timeSpan(b), count: counts[i] })).filter((u) => u.count > 0);
}

function addInto(acc: number[], xs: number[]): void {
  xs.forEach((x, i) => (acc[i] += x));
}

function apiIdsOf(filter: UsageOverTimeFilter | null | undefined): string[] {
  const ids = cleanIds(filter?.apiIds);
  for (const p of filter?.apiIdVersionPairs ?? []) {
    if (p && APIS.some((a) => a.id === p.id && a.version === p.version)) {
      ids.push(p.id);
    } else if (p) {
      // A pair that matches no API must still narrow the result (to nothing).
      ids.push(`${p.id}@${p.version}`);
    }
  }
  return ids;
}

export const usageResolvers = {
  /**
   * apiId forms, as in live captures: the API UUID normally; `"<name> - <version>"` when the
   * usage is narrowed by appIds; null for unmatched gateway traffic (only without an API filter).
   */
  getAPIUsageOverTime(args: Base & { apiUsageOvertimeFilter?: UsageOverTimeFilter | null }, ctx: RequestContext) {
    const filter = args.apiUsageOvertimeFilter;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const appIds = cleanIds(filter?.appIds);
    const cells = resolveCells(ctx, args.dataFilter, {
      apiIds: apiIdsOf(filter),
      includeUnmatched: appIds.length === 0,
    });
    const out = [];
    for (const g of groupByApi(cells)) {
      const acc = new Array<number>(f.buckets.length).fill(0);
      g.cells.forEach((c) => addInto(acc, cellCounts(ctx, c, f, appIds)));
      const usage = toUsage(f, acc);
      if (usage.length > 0) {
        const apiId = g.api ? (appIds.length > 0 ? compositeApiId(g.api) : g.api.id) : null;
        out.push({ apiId, usage, granularity: f.granularity });
      }
    }
    return out;
  },

  getAPIUsageByAppOverTime(args: Base & { apiUsageOvertimeFilter?: UsageOverTimeFilter | null }, ctx: RequestContext) {
    const filter = args.apiUsageOvertimeFilter;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const appIds = cleanIds(filter?.appIds);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: apiIdsOf(filter), includeUnmatched: false });
    const apps = applicationsOf(ctx.orgUuid).filter((a) => appIds.length === 0 || appIds.includes(a.id));
    const usage = [];
    for (const app of apps) {
      const acc = new Array<number>(f.buckets.length).fill(0);
      for (const c of cells) {
        if (c.api && c.api.id in app.subscriptions) {
          addInto(acc, cellCounts(ctx, c, f, [app.id]));
        }
      }
      const u = toUsage(f, acc);
      if (u.length > 0) {
        usage.push({ applicationId: app.id, applicationName: app.name, applicationOwner: app.owner, usage: u });
      }
    }
    return { usage, granularity: f.granularity };
  },

  getAPIUsageByBackendOverTime(
    args: Base & { apiUsageByBackendOverTimeFilter?: { apiIds?: Ids; granularity?: string | null } | null },
    ctx: RequestContext
  ) {
    const filter = args.apiUsageByBackendOverTimeFilter;
    const f = frame(ctx, args.timeFilter, filter?.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: filter?.apiIds, includeUnmatched: false });
    const byBackend = new Map<string, number[]>();
    for (const c of cells) {
      if (!c.api) {
        continue;
      }
      let acc = byBackend.get(c.api.backend);
      if (!acc) {
        acc = new Array<number>(f.buckets.length).fill(0);
        byBackend.set(c.api.backend, acc);
      }
      addInto(acc, cellCounts(ctx, c, f, []));
    }
    const usage = [...byBackend.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([backend, acc]) => ({ backend, usage: toUsage(f, acc) }))
      .filter((u) => u.usage.length > 0);
    return { usage, granularity: f.granularity };
  },

  getResourceUsage(
    args: Base & {
      resourceUsageFilter?: {
        paginationFilter?: PaginationInput | null;
        searchFilter?: SearchInput | null;
        apiIds?: Ids;
        appIds?: Ids;
        trafficType?: string | null;
      } | null;
    },
    ctx: RequestContext
  ) {
    const filter = args.resourceUsageFilter;
    const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
    const appIds = cleanIds(filter?.appIds);
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: filter?.apiIds, includeUnmatched: false });
    const rows = [];
    for (const g of groupByApi(cells)) {
      const api = g.api;
      if (!api) {
        continue;
      }
      const byResource = new Map<string, { template: string; method: string; count: number }>();
      for (const cell of g.cells) {
        const c = ctx.model.range(cell, from, to);
        let n = c.success + c.errors;
        if (appIds.length > 0) {
          n = splitByApp(cell, from, n)
            .filter((a) => appIds.includes(a.app.id))
            .reduce((s, a) => s + a.count, 0);
        }
        for (const r of splitByResource(cell, n)) {
          const key = `${r.resource.method} ${r.resource.template}`;
          const e = byResource.get(key) ?? { template: r.resource.template, method: r.resource.method, count: 0 };
          e.count += r.count;
          byResource.set(key, e);
        }
      }
      for (const r of byResource.values()) {
        if (r.count > 0 && matchesSearch(filter?.searchFilter, api.id, [r.template, r.method, api.name])) {
          rows.push({ apiId: api.id, apiResourceTemplate: r.template, apiMethod: r.method, count: r.count });
        }
      }
    }
    const page = paginate(rows, filter?.paginationFilter, {
      maxPageSize: ctx.maxPageSize,
      claimTotal: ctx.claimTotal,
      defaultSortBy: 'count',
      columns: {
        count: (r) => r.count,
        apiId: (r) => r.apiId,
        apiResourceTemplate: (r) => r.apiResourceTemplate,
        apiMethod: (r) => r.apiMethod,
      },
    });
    return { usage: page.items, pagination: page.pagination };
  },

  getAPIsUsageByApplications(
    args: Base & { apiUsageByAppFilter?: { apiIds?: Ids; appIds?: Ids; subscribers?: Ids } | null },
    ctx: RequestContext
  ) {
    const filter = args.apiUsageByAppFilter;
    const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
    const cells = resolveCells(ctx, args.dataFilter, { apiIds: filter?.apiIds, includeUnmatched: false });
    return usageByApiAndApp(ctx, cells, from, to, false, cleanIds(filter?.appIds), cleanIds(filter?.subscribers)).map(
      (r) => ({
        apiId: r.api.id,
        applicationId: r.app.id,
        applicationName: r.app.name,
        applicationOwner: r.app.owner,
        count: r.count,
      })
    );
  },

  getSuccessAPIsUsageByApplications() {
    throw userError(
      'getSuccessAPIsUsageByApplications can only be invoked with an on-prem key; use getSuccessAPIsUsageByApplicationsWithOnPremKey',
      'ON_PREM_KEY_REQUIRED'
    );
  },

  getSuccessAPIsUsageByApplicationsWithOnPremKey(
    args: {
      onPremKey: string;
      timeFilter: TimeFilterInput;
      successAPIUsageByAppFilter?: { apiIds?: Ids; tenantDomains?: Ids } | null;
    },
    ctx: RequestContext
  ) {
    if (args.onPremKey !== DEMO_CREDENTIALS.onPremKey) {
      throw userError('Invalid on-prem key', 'FORBIDDEN');
    }
    const filter = args.successAPIUsageByAppFilter;
    const tenants = cleanIds(filter?.tenantDomains);
    if (tenants.length > 0 && !tenants.includes(TENANT)) {
      return [];
    }
    const { from, to } = interval(ctx, args.timeFilter, 'timeFilter');
    // The demo key belongs to the demo org's Production environment.
    const onPremCtx = { ...ctx, orgUuid: DEMO_CREDENTIALS.orgUuid };
    const cells = resolveCells(
      onPremCtx,
      { orgId: DEMO_CREDENTIALS.orgUuid, environmentId: ENVIRONMENTS[2].id, tenant: TENANT },
      { apiIds: filter?.apiIds, includeUnmatched: false }
    );
    return usageByApiAndApp(ctx, cells, from, to, true, [], []).map((r) => ({
      apiId: r.api.id,
      apiName: r.api.name,
      apiVersion: r.api.version,
      apiCreatorTenantDomain: TENANT,
      applicationId: r.app.id,
      applicationName: r.app.name,
      applicationOwner: r.app.owner,
      count: r.count,
    }));
  },
};

function usageByApiAndApp(
  ctx: RequestContext,
  cells: readonly Cell[],
  from: number,
  to: number,
  successOnly: boolean,
  appIds: string[],
  owners: string[]
) {
  const rows: Array<{ api: ApiDef; app: AppDef; count: number }> = [];
  for (const g of groupByApi(cells)) {
    const api = g.api;
    if (!api) {
      continue;
    }
    const byApp = new Map<string, { app: AppDef; count: number }>();
    for (const cell of g.cells) {
      const c = ctx.model.range(cell, from, to);
      for (const a of splitByApp(cell, from, successOnly ? c.success : c.success + c.errors)) {
        const e = byApp.get(a.app.id) ?? { app: a.app, count: 0 };
        e.count += a.count;
        byApp.set(a.app.id, e);
      }
    }
    for (const e of byApp.values()) {
      if (
        e.count > 0 &&
        (appIds.length === 0 || appIds.includes(e.app.id)) &&
        (owners.length === 0 || owners.includes(e.app.owner))
      ) {
        rows.push({ api, app: e.app, count: e.count });
      }
    }
  }
  return rows.sort((a, b) => b.count - a.count || a.api.id.localeCompare(b.api.id) || a.app.id.localeCompare(b.app.id));
}

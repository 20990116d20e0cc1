import type { AdHocVariableFilter, DataQueryRequest, QueryResultMetaNotice } from '@grafana/data';

import { common, entryFor, resolveDefinition, type CatalogEntry, type ResolvedDefinition } from '../catalog/catalog';
import type { Arity, FrameSpec, VariableSpec } from '../catalog/format';
import { buildFrames } from '../catalog/frames';
import { message } from '../catalog/messages';
import { firstProblem, normalizeOptions } from '../catalog/options';
import { getPath, isPresent } from '../catalog/paths';
import { buildRequest, type RequestContext } from '../catalog/request';
import { applyFrameMeta, type FrameShape } from '../frames/meta';
import { ApiNameMap } from '../metadata/apiDisplayName';
import { resolveGranularity } from '../time/granularity';
import { resolveTimeZone, toIsoUtc, toTimeFilter } from '../time/timeFilter';
import { checkSavedFields } from '../queryModel/savedFields';
import type { ChoreoQuery } from '../types';
import type { RunnerDeps } from './deps';
import { executedQueryString } from './executedQuery';
import { interpolateQuery } from '../variables/interpolateQuery';
import { refreshOf, type Refresh } from './incremental/refresh';
import type { Pager, PlannedTarget } from './target';

type Notices = QueryResultMetaNotice[];

const info = (text: string): QueryResultMetaNotice => ({ severity: 'info', text });
const warning = (text: string): QueryResultMetaNotice => ({ severity: 'warning', text });

function rangeProblem(fromMs: number, toMs: number): string | undefined {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    return message('rangeInvalid');
  }
  if (toMs === fromMs) {
    return message('rangeEmpty', { at: toIsoUtc(fromMs) });
  }
  return toMs < fromMs ? message('rangeReversed', { from: toIsoUtc(fromMs), to: toIsoUtc(toMs) }) : undefined;
}

/**
 * A fixed granularity that gives more buckets than the panel draws (43,201 one-minute buckets
 * over 30 days) is still sent, but the panel says so and which granularity would fit.
 */
function granularityNotice(
  chosen: unknown,
  g: string,
  spanMs: number,
  maxDataPoints: number | undefined
): string | undefined {
  if (chosen === undefined || chosen === null || chosen === '' || chosen === 'auto') {
    return undefined;
  }
  const max = maxDataPoints && maxDataPoints > 0 ? maxDataPoints : common.defaultMaxDataPoints;
  const points = Math.ceil(spanMs / common.granularities[g]);
  if (points <= max) {
    return undefined;
  }
  const fit = Object.entries(common.granularities).find(([, step]) => Math.ceil(spanMs / step) <= max)?.[0];
  return fit
    ? message('granularityTooFine', { granularity: g, points, max, fit })
    : message('granularityTooFineAny', { granularity: g, points, max });
}

/** Applies a filter's arity to interpolated ids: keeps them, drops them with a notice, or refuses. */
export function checkFilter(
  ids: string[] | undefined,
  arity: Arity,
  which: 'apis' | 'apps',
  notices: Notices,
  requiredMessage?: string
): { ids?: string[]; error?: string } {
  const nouns = common.scopeNouns[which];
  const n = ids?.length ?? 0;
  switch (arity) {
    case 'none':
      if (n) {
        notices.push(info(message('filterIgnored', nouns)));
      }
      return {};
    case 'required':
      if (!n) {
        return { error: requiredMessage ?? message('filterRequired', nouns) };
      }
      return n > 1 ? { error: message('filterOne', { ...nouns, n }) } : { ids };
    case 'one':
      return n > 1 ? { error: message('filterOne', { ...nouns, n }) } : { ids };
    case 'many':
      return n > common.maxFilterIds
        ? { error: message('filterMany', { ...nouns, n, max: common.maxFilterIds }) }
        : { ids };
  }
}

/**
 * The environment a builder query runs in: the chosen one, the data source's default, else the
 * organization's first (said in a notice). Also used by GraphQL queries opened from a builder
 * query, so they show the same data.
 */
export async function environmentOf(
  chosen: string,
  deps: RunnerDeps,
  notices: Notices
): Promise<{ id: string } | { error: string }> {
  if (chosen) {
    return { id: chosen };
  }
  if (deps.settings.defaultEnvironmentId) {
    return { id: deps.settings.defaultEnvironmentId };
  }
  const envs = await deps.metadata.environments();
  if (!envs.length) {
    return { error: message('noEnvironments', { orgUuid: deps.settings.orgUuid }) };
  }
  notices.push(info(message('environmentFallback', { name: envs[0].name })));
  return { id: envs[0].id };
}

async function apiNamesFor(def: ResolvedDefinition, environmentId: string, deps: RunnerDeps, notices: Notices) {
  if (!def.lookups?.includes('apiNames') || !environmentId) {
    return new ApiNameMap([]);
  }
  try {
    return await deps.metadata.apiNameMap(environmentId);
  } catch (err) {
    notices.push(warning(message('apiNamesFailed', { why: err instanceof Error ? err.message : String(err) })));
    return new ApiNameMap([]);
  }
}

function entryNotices(def: ResolvedDefinition, ctx: RequestContext, notices: Notices): void {
  for (const n of def.notices ?? []) {
    const present = (n.when.present ?? []).every((p) => isPresent(getPath(ctx, p)));
    const absent = (n.when.absent ?? []).every((p) => !isPresent(getPath(ctx, p)));
    if (present && absent) {
      notices.push({ severity: n.severity, text: n.text });
    }
  }
}

function pagerFor(def: ResolvedDefinition, ctx: RequestContext, options: Record<string, unknown>): Pager | undefined {
  if (!def.pagination || !def.request) {
    return undefined;
  }
  const spec = def.request;
  const maxRows = typeof options.maxRows === 'number' ? options.maxRows : common.paging.defaultMaxRows;
  return {
    spec: def.pagination,
    maxRows,
    asked: Math.min(maxRows, common.paging.pageLimit),
    page: (offset, limit) => buildRequest(spec, { ...ctx, page: { offset, limit } }),
  };
}

/** A list's template variable answer: a `text` and a `value` column per row. */
function variableFrame(v: VariableSpec): FrameSpec {
  return {
    kind: 'table',
    shape: 'table',
    rows: v.rows,
    columns: [
      { name: 'text', type: 'string', value: v.text },
      { name: 'value', type: 'string', value: v.value },
    ],
  };
}

/**
 * Everything one builder target needs before it is sent: the catalog entry, options checked,
 * scope and time resolved, the request built. A target that cannot run as written gets the
 * message the panel shows, and is never sent.
 */
export async function prepareBuilderTarget(
  saved0: ChoreoQuery,
  request: DataQueryRequest<ChoreoQuery>,
  deps: RunnerDeps,
  output: 'frames' | 'variable' = 'frames',
  filters: readonly AdHocVariableFilter[] = []
): Promise<PlannedTarget> {
  const refId = saved0.refId;
  const saved = checkSavedFields(saved0);
  if (saved.problem) {
    return { refId, error: saved.problem };
  }
  const interpolated = interpolateQuery(saved.query, deps.templateSrv, request.scopedVars, filters);
  if (interpolated.problem) {
    return { refId, error: interpolated.problem };
  }
  const query = interpolated.query;
  const fail = (error: string): PlannedTarget => ({ refId, error });
  const entry: CatalogEntry | undefined = entryFor(query.queryType);
  if (!entry || entry.raw) {
    return fail(message('unknownQueryType', { type: String(query.queryType) }));
  }
  const { settings } = deps;
  if (!settings.orgUuid) {
    return fail(message('noOrgUuid'));
  }
  const fromMs = request.range.from.valueOf();
  const toMs = request.range.to.valueOf();
  const badRange = rangeProblem(fromMs, toMs);
  if (badRange) {
    return fail(badRange);
  }
  const opts = normalizeOptions(entry, query);
  const problem = firstProblem(entry, opts.problems);
  if (problem) {
    return fail(problem);
  }
  const def = resolveDefinition(entry, entry.variants ? String(opts.values[entry.variants.option]) : undefined);
  const g = resolveGranularity(query.granularity, {
    fromMs,
    toMs,
    maxDataPoints: request.maxDataPoints,
    intervalMs: request.intervalMs,
  });
  if ('error' in g) {
    return fail(g.error);
  }

  const notices: Notices = [...opts.notices.map(info), ...interpolated.notices.map(info)];
  const tooFine = entry.granularity
    ? granularityNotice(query.granularity, g.granularity, toMs - fromMs, request.maxDataPoints)
    : undefined;
  if (tooFine) {
    notices.push(warning(tooFine));
  }
  let environmentId = '';
  if (def.scope.environment) {
    const env = await environmentOf(query.environmentId ?? '', deps, notices);
    if ('error' in env) {
      return fail(env.error);
    }
    environmentId = env.id;
  }
  const projectId = query.projectId || undefined;
  const apis = checkFilter(
    query.apiIds?.length ? query.apiIds : undefined,
    def.scope.apis,
    'apis',
    notices,
    entry.messages?.apiRequired
  );
  if (apis.error) {
    return fail(apis.error);
  }
  const apps = checkFilter(query.appIds?.length ? query.appIds : undefined, def.scope.apps, 'apps', notices);
  if (apps.error) {
    return fail(apps.error);
  }

  const dataFilter: RequestContext['dataFilter'] = { orgId: settings.orgUuid, tenant: settings.tenant };
  if (environmentId) {
    dataFilter.environmentId = environmentId;
  }
  if (projectId) {
    dataFilter.projectId = projectId;
  }
  const zone = resolveTimeZone(request.timezone);
  let timeFilter = toTimeFilter(request.range, zone);
  if (!timeFilter) {
    notices.push(warning(message('timezoneUnknown', { zone })));
    timeFilter = toTimeFilter(request.range)!;
  }
  const ctx: RequestContext = {
    timeFilter,
    dataFilter,
    orgId: settings.orgUuid,
    tenant: settings.tenant,
    environmentId: environmentId || undefined,
    projectId,
    granularity: g.granularity,
    apiIds: apis.ids,
    apiId: apis.ids?.[0],
    appIds: apps.ids,
    appId: apps.ids?.[0],
    options: opts.values,
  };
  if (!def.request || !def.frames) {
    throw new Error(`catalog: query type "${entry.type}" has no request or frames for this variant`);
  }
  entryNotices(def, ctx, notices);
  const pager = pagerFor(def, ctx, opts.values);
  const first = buildRequest(def.request, pager ? { ...ctx, page: { offset: 0, limit: pager.asked } } : ctx);
  const refresh: Refresh =
    def.frames.kind === 'timeSeries' && !pager && output === 'frames'
      ? refreshOf(deps.incremental, def.frames, def.request, ctx, { fromMs, toMs }, zone)
      : { requests: [first], complete: ([data]) => data };
  // Not awaited: the lookup goes out with the query (in the same document when coalescing).
  let names = new ApiNameMap([]);
  const ready = apiNamesFor(def, environmentId, deps, notices).then((n) => (names = n));
  const frameSpec = output === 'variable' && def.variable ? variableFrame(def.variable) : def.frames;
  const shape: FrameShape = frameSpec.shape;

  return {
    refId,
    requests: refresh.requests,
    notices,
    pager,
    ready,
    frames: (datas: unknown[], extra: { errors: unknown[]; pages: number; notices: Notices }) => {
      const data = refresh.complete(datas, extra.errors.length === 0);
      const built = buildFrames(frameSpec, data, {
        options: opts.values,
        attrs: opts.attrs,
        granularity: g.granularity,
        fromMs,
        toMs,
        lookups: names,
      });
      return applyFrameMeta(built.frames, {
        refId,
        shape,
        executedQueryString: executedQueryString(first, extra.pages) + (refresh.note ? `\n${refresh.note}` : ''),
        notices: [...extra.notices, ...built.notices.map(warning)],
      });
    },
  };
}

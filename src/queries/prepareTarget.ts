import type { DataQueryRequest, QueryResultMetaNotice } from '@grafana/data';

import { ApiNameMap } from '../metadata/apiDisplayName';
import { resolveGranularity } from '../time/granularity';
import { toIsoUtc, toTimeFilter } from '../time/timeFilter';
import type { ChoreoQuery } from '../types';
import { notice } from './common';
import type { DataFilter, FilterArity, QueryContext, QueryHandler } from './handler';
import { interpolateId, interpolateIds, unresolvedVariable } from './interpolateIds';
import type { QueryDeps } from './queryDeps';

/** The API documents "A maximum of five API IDs can be defined" on its list filters. */
export const MAX_FILTER_IDS = 5;

export type Prepared = { ctx: QueryContext } | { error: string };

/** Refuses ranges the API would answer with an error per series (and the panel with nothing). */
function rangeProblem(fromMs: number, toMs: number): string | undefined {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    return 'The time range is not valid: pick a range in the time picker.';
  }
  if (toMs === fromMs) {
    return `The time range is empty (it starts and ends at ${toIsoUtc(fromMs)}): pick a range that spans some time.`;
  }
  if (toMs < fromMs) {
    return `The time range ends (${toIsoUtc(toMs)}) before it starts (${toIsoUtc(fromMs)}): pick a range in the time picker.`;
  }
  return undefined;
}

/** Applies a view's filter arity to interpolated ids: keeps, drops with a notice, or refuses. */
function checkFilter(
  ids: string[] | undefined,
  arity: FilterArity,
  what: { one: string; many: string; view: string },
  notices: QueryResultMetaNotice[]
): { ids?: string[]; error?: string } {
  const n = ids?.length ?? 0;
  switch (arity) {
    case 'none':
      if (n) {
        notices.push(notice(`This view cannot be filtered by ${what.one}; the ${what.one} filter is ignored.`, 'info'));
      }
      return {};
    case 'required':
      if (!n) {
        return { error: `Choose an ${what.one}: ${what.view} shows one ${what.one} at a time.` };
      }
    // falls through: required also means exactly one
    case 'one':
      if (n > 1) {
        return { error: `This view filters by one ${what.one} at a time, but ${n} ${what.many} are selected.` };
      }
      return { ids };
    case 'many':
      if (n > MAX_FILTER_IDS) {
        return { error: `The Insights API filters by at most ${MAX_FILTER_IDS} ${what.many}, but ${n} are selected.` };
      }
      return { ids };
  }
}

async function resolveEnvironment(
  query: ChoreoQuery,
  request: DataQueryRequest<ChoreoQuery>,
  deps: QueryDeps,
  notices: QueryResultMetaNotice[]
): Promise<{ id: string } | { error: string }> {
  const chosen = interpolateId(query.environmentId, deps.templateSrv, request.scopedVars);
  if (chosen) {
    return { id: chosen };
  }
  if (deps.settings.defaultEnvironmentId) {
    return { id: deps.settings.defaultEnvironmentId };
  }
  const envs = await deps.metadata.environments();
  if (!envs.length) {
    return { error: `Organization ${deps.settings.orgUuid} has no environments to query.` };
  }
  notices.push(
    notice(
      `No environment chosen and the data source has no default environment: showing "${envs[0].name}", the organization's first. Set a default environment in the data source settings.`,
      'info'
    )
  );
  return { id: envs[0].id };
}

/**
 * Resolves everything a handler needs for one target: time filter, granularity, scope with
 * template variables applied, filter checks, API names. Returns a message instead when the
 * query cannot run as written.
 */
export async function prepareTarget(
  query: ChoreoQuery,
  handler: QueryHandler<unknown>,
  request: DataQueryRequest<ChoreoQuery>,
  deps: QueryDeps
): Promise<Prepared> {
  const { settings, templateSrv } = deps;
  if (!settings.orgUuid) {
    return { error: 'The data source has no organization UUID: set it in the data source settings.' };
  }
  const notices: QueryResultMetaNotice[] = [];
  const fromMs = request.range.from.valueOf();
  const toMs = request.range.to.valueOf();
  const badRange = rangeProblem(fromMs, toMs);
  if (badRange) {
    return { error: badRange };
  }
  const g = resolveGranularity(query.granularity, {
    fromMs,
    toMs,
    maxDataPoints: request.maxDataPoints,
    intervalMs: request.intervalMs,
  });
  if ('error' in g) {
    return { error: g.error };
  }

  let environmentId = '';
  if (handler.needsEnvironment?.(query) ?? true) {
    const env = await resolveEnvironment(query, request, deps, notices);
    if ('error' in env) {
      return env;
    }
    environmentId = env.id;
  }
  const projectId = interpolateId(query.projectId, templateSrv, request.scopedVars) || undefined;

  const apis = checkFilter(
    interpolateIds(query.apiIds, templateSrv, request.scopedVars),
    handler.apiFilter,
    { one: 'API', many: 'APIs', view: 'this view' },
    notices
  );
  if (apis.error) {
    return { error: apis.error };
  }
  const apps = checkFilter(
    interpolateIds(query.appIds, templateSrv, request.scopedVars),
    handler.appFilter,
    { one: 'application', many: 'applications', view: 'this view' },
    notices
  );
  if (apps.error) {
    return { error: apps.error };
  }

  // Grafana leaves a reference to a variable the dashboard does not define as written; sent as an
  // id it matches nothing and the panel would be silently empty.
  const undefinedVariable = unresolvedVariable([environmentId, projectId, ...(apis.ids ?? []), ...(apps.ids ?? [])]);
  if (undefinedVariable) {
    return {
      error: `The dashboard variable ${undefinedVariable} is not defined: add it in the dashboard settings or remove it from this query.`,
    };
  }

  const dataFilter: DataFilter = { orgId: settings.orgUuid, tenant: settings.tenant };
  if (environmentId) {
    dataFilter.environmentId = environmentId;
  }
  if (projectId) {
    dataFilter.projectId = projectId;
  }

  let apiNames = new ApiNameMap([]);
  if (handler.needsApiNames && environmentId) {
    try {
      apiNames = await deps.metadata.apiNameMap(environmentId);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      notices.push(notice(`API names could not be loaded, so APIs show as ids: ${why}`));
    }
  }

  const ctx: QueryContext = {
    refId: query.refId,
    timeFilter: toTimeFilter(request.range),
    fromMs,
    toMs,
    granularity: g.granularity,
    dataFilter,
    environmentId,
    apiIds: apis.ids,
    appIds: apps.ids,
    apiNames,
    notices,
  };
  const invalid = handler.validate?.(query, ctx);
  return invalid ? { error: invalid } : { ctx };
}

import { DEFAULT_MAX_ROWS } from '../../queries/common';
import { DEFAULT_QUERY_TYPE, defaultQueryFor } from '../../queries/defaults';
import { DEFAULT_TOP_LIMIT } from '../../queries/types/topSlowestApis';
import type { ChoreoQuery, QueryType } from '../../types';
import { QUERY_TYPES } from '../queryTypes';

// One source of truth for what a new query looks like: the query handlers' defaults.
export { DEFAULT_MAX_ROWS, DEFAULT_QUERY_TYPE, DEFAULT_TOP_LIMIT, defaultQueryFor };

/**
 * The query after the user picks another type: keeps what identifies the query in the panel
 * (refId, datasource, hide...) and the scope, drops the old type's options so the saved JSON
 * says only what runs, and applies the new type's defaults.
 */
export function switchQueryType(query: ChoreoQuery, type: QueryType): ChoreoQuery {
  const { refId, datasource, hide, key, environmentId, projectId, apiIds, appIds, granularity } = query;
  const info = QUERY_TYPES[type];
  const next: ChoreoQuery = { refId, ...defaultQueryFor(type) };
  // The handlers' defaults carry granularity for every type; keep it only where it is shown
  // and sent, so the saved query holds nothing the editor cannot display.
  if (!info.granularity) {
    delete next.granularity;
  }
  if (datasource !== undefined) {
    next.datasource = datasource;
  }
  if (hide !== undefined) {
    next.hide = hide;
  }
  if (key !== undefined) {
    next.key = key;
  }
  if (environmentId) {
    next.environmentId = environmentId;
  }
  if (projectId) {
    next.projectId = projectId;
  }
  // Scope survives every switch, even to a type that ignores it, so switching back restores it.
  // A type that takes one API keeps only the first: the saved query must say which one runs.
  const keep = (ids: string[] | undefined, use: typeof info.apis) =>
    !ids?.length ? undefined : use === 'single' ? ids.slice(0, 1) : [...ids];
  const apis = keep(apiIds, info.apis);
  const apps = keep(appIds, info.apps);
  if (apis) {
    next.apiIds = apis;
  }
  if (apps) {
    next.appIds = apps;
  }
  if (info.granularity && granularity) {
    next.granularity = granularity;
  }
  return next;
}

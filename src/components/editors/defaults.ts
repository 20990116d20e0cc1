import { QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from '../../types';
import { QUERY_TYPES } from '../queryTypes';

/** What a new panel shows before the user touches anything: the console's landing view. */
export const DEFAULT_QUERY_TYPE = QueryType.RequestSummary;

/** Rows fetched by paginated table queries before the plugin stops and says so. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_TOP_LIMIT = 10;

type TypeOptions = Omit<Partial<ChoreoQuery>, 'refId'>;

/**
 * A type's own options, chosen so the query runs and shows data with nothing typed (like the
 * console's page does). Mirrors src/queries/defaults.ts (the builder's, not yet committed when
 * this was written): switch to importing it once it is in the tree.
 */
export function defaultOptionsFor(type: QueryType): TypeOptions {
  const base: TypeOptions = { queryType: type, modelVersion: QUERY_MODEL_VERSION };
  if (QUERY_TYPES[type].granularity) {
    base.granularity = 'auto';
  }
  switch (type) {
    case QueryType.OverviewKpi:
      return { ...base, kpi: 'totalTraffic' };
    case QueryType.ErrorsByCategory:
      return { ...base, errorCategories: [] };
    case QueryType.ErrorsByStatusCode:
      return { ...base, errorType: 'PROXY', maxRows: DEFAULT_MAX_ROWS };
    case QueryType.ErrorDetails:
    case QueryType.ResourceUsage:
    case QueryType.AlertSummary:
      // No sort: the API's own order is the console's.
      return { ...base, maxRows: DEFAULT_MAX_ROWS };
    case QueryType.TopSlowestApis:
    case QueryType.TopApisByAlertCount:
      return { ...base, limit: DEFAULT_TOP_LIMIT };
    case QueryType.CustomReport:
      return {
        ...base,
        customReport: { mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'], groupByValues: [] },
      };
    case QueryType.List:
      return { ...base, list: 'apis' };
    default:
      return base;
  }
}

/** A complete new query of `type` (for DataSource.getDefaultQuery and new panels). */
export function defaultQueryFor(type: QueryType = DEFAULT_QUERY_TYPE): Omit<ChoreoQuery, 'refId'> {
  return defaultOptionsFor(type);
}

/**
 * The query after the user picks another type: keeps what identifies the query in the panel
 * (refId, datasource, hide...) and the scope, drops the old type's options so the saved JSON
 * says only what runs, and applies the new type's defaults.
 */
export function switchQueryType(query: ChoreoQuery, type: QueryType): ChoreoQuery {
  const { refId, datasource, hide, key, environmentId, projectId, apiIds, appIds, granularity } = query;
  const info = QUERY_TYPES[type];
  const next: ChoreoQuery = { refId, ...defaultOptionsFor(type) };
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

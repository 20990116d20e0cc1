import { DEFAULT_QUERY_TYPE, QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from '../types';
import { DEFAULT_MAX_ROWS } from './common';
import { DEFAULT_KPI } from './types/overviewKpi';
import { DEFAULT_LIST } from './types/list';
import { DEFAULT_TOP_LIMIT } from './types/topSlowestApis';
import { DEFAULT_ERROR_TYPE } from './types/errorsByStatusCode';
import { DEFAULT_METRIC } from './types/customReport';

export { DEFAULT_QUERY_TYPE };

/**
 * A new query of `type` that shows data with nothing typed: environment empty (the data source's
 * default environment, else the organization's first), all APIs, auto granularity.
 */
export function defaultQueryFor(type: QueryType = DEFAULT_QUERY_TYPE): Omit<ChoreoQuery, 'refId'> {
  const base: Omit<ChoreoQuery, 'refId'> = { queryType: type, modelVersion: QUERY_MODEL_VERSION };
  switch (type) {
    case QueryType.OverviewKpi:
      return { ...base, kpi: DEFAULT_KPI };
    case QueryType.ResourceUsage:
    case QueryType.ErrorDetails:
    case QueryType.AlertSummary:
      return { ...base, maxRows: DEFAULT_MAX_ROWS };
    case QueryType.ErrorsByStatusCode:
      return { ...base, errorType: DEFAULT_ERROR_TYPE, maxRows: DEFAULT_MAX_ROWS };
    case QueryType.TopSlowestApis:
    case QueryType.TopApisByAlertCount:
      return { ...base, limit: DEFAULT_TOP_LIMIT };
    case QueryType.CustomReport:
      return {
        ...base,
        granularity: 'auto',
        customReport: { mode: 'topOverTime', metric: DEFAULT_METRIC, groupByFields: ['API_NAME'], groupByValues: [] },
      };
    case QueryType.List:
      return { ...base, list: DEFAULT_LIST };
    case QueryType.GraphQL:
      return base;
    default:
      return { ...base, granularity: 'auto' };
  }
}

export const DEFAULT_QUERY: Omit<ChoreoQuery, 'refId'> = defaultQueryFor(DEFAULT_QUERY_TYPE);

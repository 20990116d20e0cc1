import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { limitProblem, present, scopeVariables, searchFilter } from '../common';
import { defineHandler } from '../handler';
import { DEFAULT_TOP_LIMIT } from './topSlowestApis';

export const TOP_APIS_BY_ALERT_COUNT_DOC = `query TopApisByAlertCount($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: TopAPIsByAlertCountFilter) {
  getTopAPIsByAlertCount(timeFilter: $timeFilter, topAPIsByAlertCountFilter: $filter, dataFilter: $dataFilter) {
    usage { apiId count }
    pagination { total limit offset }
  }
}`;

interface TopApisByAlertCountData {
  getTopAPIsByAlertCount?: { usage?: Array<{ apiId?: string | null; count?: number | null } | null> | null } | null;
}

/** Alerts: the N APIs with the most alerts (the API sorts by count, descending). */
export const topApisByAlertCount = defineHandler<TopApisByAlertCountData>({
  shape: 'numeric-long',
  apiFilter: 'none',
  appFilter: 'none',
  needsApiNames: true,
  validate: limitProblem,
  build: (q, ctx) => ({
    operationName: 'TopApisByAlertCount',
    document: TOP_APIS_BY_ALERT_COUNT_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: {
        paginationFilter: { limit: q.limit ?? DEFAULT_TOP_LIMIT, offset: 0 },
        searchFilter: searchFilter(q.search),
      },
    },
  }),
  toFrames: (data, _q, ctx) => {
    const rows = present(data.getTopAPIsByAlertCount?.usage);
    return [
      frameOf([
        stringField(
          'API',
          rows.map((r) => ctx.apiNames.name(r.apiId))
        ),
        numberField(
          'Alerts',
          rows.map((r) => r.count ?? null),
          { unit: UNIT.count }
        ),
      ]),
    ];
  },
});

import { APIS } from '../../emulator/demo';
import { QueryType, type ChoreoQuery } from '../../src/types';

/** One runnable target per query type, as the editor's defaults would make them. */
export function targetFor(type: QueryType): Partial<ChoreoQuery> {
  switch (type) {
    case QueryType.ApiLatency:
    case QueryType.UsageByBackend:
      return { queryType: type, apiIds: [APIS[0].id] };
    case QueryType.CustomReport:
      return { queryType: type, customReport: { mode: 'overTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'] } };
    case QueryType.List:
      return { queryType: type, list: 'apis' };
    case QueryType.GraphQL:
      return {
        queryType: type,
        graphql: {
          query:
            'query T($timeFilter: TimeFilter!, $dataFilter: DataFilter!) { getAPIUsageOverTime(timeFilter: $timeFilter, dataFilter: $dataFilter) { apiId usage { timeSpan count } } }',
          dataPath: 'getAPIUsageOverTime.usage',
          labelFields: ['apiId'],
        },
      };
    default:
      return { queryType: type };
  }
}

export const ALL_TARGETS = Object.values(QueryType).map(targetFor);

import { QueryType, type ChoreoQuery } from '../../types';
import { MESSAGES, queryProblems } from './validation';

const q = (query: Omit<ChoreoQuery, 'refId'>): ChoreoQuery => ({ refId: 'A', ...query });

describe('queryProblems', () => {
  it('asks API latency for an API', () => {
    expect(queryProblems(q({ queryType: QueryType.ApiLatency }))).toEqual({ apiIds: MESSAGES.apiRequired });
    expect(queryProblems(q({ queryType: QueryType.ApiLatency, apiIds: [''] }))).toEqual({
      apiIds: MESSAGES.apiRequired,
    });
    expect(queryProblems(q({ queryType: QueryType.ApiLatency, apiIds: ['$api'] }))).toEqual({});
  });

  it('limits literal API and application ids to five, not variables', () => {
    const six = ['1', '2', '3', '4', '5', '6'];
    expect(queryProblems(q({ queryType: QueryType.ApiUsage, apiIds: six, appIds: six }))).toEqual({
      apiIds: MESSAGES.tooManyApis,
      appIds: MESSAGES.tooManyApps,
    });
    expect(queryProblems(q({ queryType: QueryType.ApiUsage, apiIds: ['1', '2', '3', '4', '5', '$more'] }))).toEqual({});
  });

  it.each([0, -1, 2.5, NaN])('refuses limit %p', (limit) => {
    expect(queryProblems(q({ queryType: QueryType.TopSlowestApis, limit })).limit).toBe(MESSAGES.limit);
    expect(queryProblems(q({ queryType: QueryType.TopApisByAlertCount, limit })).limit).toBe(MESSAGES.limit);
  });

  it.each([0, 100001, 1.5])('refuses max rows %p', (maxRows) => {
    expect(queryProblems(q({ queryType: QueryType.ErrorDetails, maxRows })).maxRows).toBe(MESSAGES.maxRows);
  });

  it('wants a metric and 1 to 3 group-by fields in a custom report', () => {
    expect(queryProblems(q({ queryType: QueryType.CustomReport, customReport: {} }))).toEqual({
      metric: MESSAGES.metric,
      groupByFields: MESSAGES.groupByFields,
    });
    expect(
      queryProblems(
        q({
          queryType: QueryType.CustomReport,
          customReport: { metric: 'HIT_COUNT', groupByFields: ['API_NAME', 'API_VERSION', 'PLATFORM', 'USER_AGENT'] },
        })
      )
    ).toEqual({ groupByFields: MESSAGES.groupByFields });
  });

  it('wants a list kind', () => {
    expect(queryProblems(q({ queryType: QueryType.List }))).toEqual({ list: MESSAGES.list });
  });

  it('has nothing to say about untyped or unknown queries (the editor handles those)', () => {
    expect(queryProblems(q({}))).toEqual({});
    expect(queryProblems(q({ queryType: 'nope' as QueryType }))).toEqual({});
  });
});

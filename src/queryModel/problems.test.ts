import { QueryType, type ChoreoQuery } from '../types';
import { hasProblems, queryProblems } from './problems';

const q = (query: Omit<ChoreoQuery, 'refId'>): ChoreoQuery => ({ refId: 'A', ...query });

/** The problems that are set (queryProblems names every checked field, undefined when fine). */
const problemsOf = (query: Omit<ChoreoQuery, 'refId'>) =>
  Object.fromEntries(Object.entries(queryProblems(q(query))).filter(([, v]) => v !== undefined));

const API_REQUIRED = 'Choose an API: latency is shown for one API at a time.';

describe('queryProblems: the catalog checks and texts, as the runner applies them', () => {
  it('asks API latency for an API', () => {
    expect(problemsOf({ queryType: QueryType.ApiLatency })).toEqual({ apiIds: API_REQUIRED });
    expect(problemsOf({ queryType: QueryType.ApiLatency, apiIds: [''] })).toEqual({ apiIds: API_REQUIRED });
    expect(problemsOf({ queryType: QueryType.ApiLatency, apiIds: ['$api'] })).toEqual({});
    expect(problemsOf({ queryType: QueryType.ApiLatency, apiIds: ['a', 'b'] })).toEqual({
      apiIds: 'This view filters by one API at a time, but 2 APIs are selected.',
    });
  });

  it('limits literal API and application ids to five, not variables', () => {
    const six = ['1', '2', '3', '4', '5', '6'];
    expect(problemsOf({ queryType: QueryType.ApiUsage, apiIds: six, appIds: six })).toEqual({
      apiIds: 'The Insights API filters by at most 5 APIs, but 6 are selected.',
      appIds: 'The Insights API filters by at most 5 applications, but 6 are selected.',
    });
    expect(problemsOf({ queryType: QueryType.ApiUsage, apiIds: ['1', '2', '3', '4', '5', '$more'] })).toEqual({});
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [2.5, '2.5'],
    [NaN, 'null'],
  ])('refuses limit %p', (limit, shown) => {
    const message = `Limit must be a whole number of at least 1 (got ${shown}).`;
    expect(problemsOf({ queryType: QueryType.TopSlowestApis, limit })).toEqual({ limit: message });
    expect(problemsOf({ queryType: QueryType.TopApisByAlertCount, limit })).toEqual({ limit: message });
  });

  it.each([0, -5, 1.5])('refuses max rows %p', (maxRows) => {
    expect(problemsOf({ queryType: QueryType.ErrorDetails, maxRows })).toEqual({
      maxRows: `Max rows must be a whole number from 1 to 20000 (got ${maxRows}).`,
    });
  });

  it('reads max rows above the page budget as the budget (the panel says so), not as a problem', () => {
    expect(problemsOf({ queryType: QueryType.ErrorDetails, maxRows: 100001 })).toEqual({});
  });

  it('wants a known metric and 1 to 3 group-by fields in a custom report', () => {
    expect(problemsOf({ queryType: QueryType.CustomReport, customReport: {} })).toEqual({
      groupByFields: 'A custom report groups by 1 to 3 fields: choose at least one group-by field.',
    });
    expect(
      problemsOf({
        queryType: QueryType.CustomReport,
        customReport: { metric: 'HIT_COUNT', groupByFields: ['API_NAME', 'API_VERSION', 'PLATFORM', 'USER_AGENT'] },
      })
    ).toEqual({ groupByFields: 'A custom report groups by 1 to 3 fields: remove some group-by fields.' });
    expect(
      problemsOf({
        queryType: QueryType.CustomReport,
        customReport: { metric: 'NOPE' as 'HIT_COUNT', groupByFields: ['API_NAME'] },
      })
    ).toEqual({
      metric:
        'Unknown metric "NOPE": choose HIT_COUNT, RESPONSE_CACHE_HIT, REQUEST_MEDIATION_LATENCY, RESPONSE_MEDIATION_LATENCY, BACKEND_LATENCY, TOTAL_LATENCY, API_ERRORS, TARGET_ERRORS.',
    });
  });

  it('a list without a kind lists APIs (the default); an unknown kind is refused', () => {
    expect(problemsOf({ queryType: QueryType.List })).toEqual({});
    expect(problemsOf({ queryType: QueryType.List, list: 'nope' as 'apis' })).toEqual({
      list: 'Unknown list "nope": choose apis, applications, environments, providers, subscribers, tenants, organizations.',
    });
  });

  it('has nothing to say about untyped, unknown or raw GraphQL queries (the editor handles those)', () => {
    expect(queryProblems(q({}))).toEqual({});
    expect(queryProblems(q({ queryType: 'nope' as QueryType }))).toEqual({});
    expect(queryProblems(q({ queryType: QueryType.GraphQL }))).toEqual({});
    expect(hasProblems(queryProblems(q({ queryType: QueryType.ApiUsage })))).toBe(false);
  });
});

/** @jest-environment node */
import { QueryType, type ChoreoQuery } from '../types';
import { queryDisplayText, type KnownNames } from './displayText';

/** Names loaded so far: Production's APIs and applications, not Development's. */
const names: KnownNames = {
  environment: (id) => ({ 'env-prod': 'Production', 'env-dev': 'Development' })[id],
  api: (env, id) => (env === 'env-prod' ? { 'api-orders': 'Orders API v1', 'api-pay': 'Payments API' }[id] : undefined),
  application: (env, id) => (env === 'env-prod' ? { 'app-shop': 'Shop' }[id] : undefined),
};

const text = (queryType: QueryType, fields: Partial<ChoreoQuery> = {}, defaultEnv = '') =>
  queryDisplayText({ refId: 'A', queryType, ...fields }, names, defaultEnv);

describe('queryDisplayText', () => {
  it.each<[QueryType, Partial<ChoreoQuery>, string]>([
    [
      QueryType.ApiUsage,
      { environmentId: 'env-prod', apiIds: ['api-orders', 'api-pay'], granularity: 'auto' },
      'API usage · Production · Orders API v1, Payments API · auto',
    ],
    [QueryType.OverviewKpi, { kpi: 'errorRate' }, 'KPI · default environment · Average error rate %'],
    [QueryType.RequestSummary, { granularity: '1h' }, 'API request summary · default environment · 1h'],
    [
      QueryType.UsageByApplication,
      { environmentId: 'env-prod', appIds: ['app-shop', 'app-x'] },
      'Usage by application · Production · Shop, app-x · auto',
    ],
    [QueryType.UsageByBackend, { environmentId: 'env-dev' }, 'Usage by backend · Development · auto'],
    [
      QueryType.ResourceUsage,
      { search: 'orders', maxRows: 50 },
      'Resource usage · default environment · search "orders"',
    ],
    [
      QueryType.ErrorsByCategory,
      { errorCategories: ['AUTH', 'THROTTLED'] },
      'Errors by category · default environment · Authentication, Throttling · auto',
    ],
    [
      QueryType.ErrorsByStatusClass,
      { apiIds: ['api-orders'] },
      'Errors by status class · default environment · api-orders · auto',
    ],
    [
      QueryType.ErrorsByStatusCode,
      { errorCodeType: '_5XX' },
      'Errors by status code · default environment · Proxy · 5xx',
    ],
    [
      QueryType.ErrorDetails,
      {
        environmentId: 'env-prod',
        apiIds: ['api-pay'],
        search: 'timeout',
        sortBy: 'count',
        sortOrder: 'asc',
        granularity: '1d',
      },
      'Error details · Production · Payments API · search "timeout" · sort by "count" · 1d',
    ],
    [QueryType.TopSlowestApis, { limit: 3 }, 'Top slowest APIs · default environment · limit 3'],
    [QueryType.ApiLatency, { apiIds: ['api-orders'] }, 'API latency · default environment · api-orders · auto'],
    [
      QueryType.Cache,
      { environmentId: 'env-prod', apiIds: ['api-orders'] },
      'Cache hits and misses · Production · Orders API v1 · auto',
    ],
    [QueryType.TopPlatforms, {}, 'Top platforms · default environment'],
    [QueryType.TopUserAgents, { environmentId: 'env-other' }, 'Top user agents · env-other'],
    [QueryType.AlertSummary, { alertCategory: 'LATENCY' }, 'Alert summary · default environment · Latency'],
    [QueryType.TopApisByAlertCount, {}, 'Top APIs by alert count · default environment · limit 10'],
    [
      QueryType.CustomReport,
      {
        customReport: {
          mode: 'topOverTime',
          metric: 'TOTAL_LATENCY',
          groupByFields: ['API_NAME', 'PLATFORM'],
          groupByValues: ['Orders', 'iOS'],
        },
        limit: 5,
        granularity: '15m',
      },
      'Custom report · default environment · Top over time · Total latency · API name, Platform · Orders / iOS · limit 5 · 15m',
    ],
    [QueryType.List, { list: 'applications' }, 'List · default environment · Applications'],
  ])('%s: %j', (type, fields, expected) => {
    expect(text(type, fields)).toBe(expected);
  });

  it('names GraphQL queries by their operation, else the start of the document', () => {
    expect(text(QueryType.GraphQL, { graphql: { query: '\n  query OrdersByHour($t: TimeFilter!) { x }' } })).toBe(
      'GraphQL · OrdersByHour'
    );
    expect(text(QueryType.GraphQL, { graphql: { query: 'subscription Live { x }' } })).toBe('GraphQL · Live');
    expect(
      text(QueryType.GraphQL, { graphql: { query: '{\n  getTopPlatforms(\n dataFilter: $d) { platform }\n}' } })
    ).toBe('GraphQL · { getTopPlatforms( dataFilter: $d) { platform } }');
    expect(text(QueryType.GraphQL, { graphql: { query: `{ ${'x'.repeat(100)} }` } })).toBe(
      `GraphQL · { ${'x'.repeat(58)}`
    );
    expect(text(QueryType.GraphQL, { graphql: { query: '   ' } })).toBe('GraphQL · empty');
    expect(text(QueryType.GraphQL)).toBe('GraphQL · empty');
  });

  it('looks API names up in the default environment when the query names none', () => {
    expect(text(QueryType.ApiUsage, { apiIds: ['api-orders'] }, 'env-prod')).toBe(
      'API usage · default environment · Orders API v1 · auto'
    );
  });

  it('shows ids it has no name for, variables included, and leaves out ids a type ignores', () => {
    expect(text(QueryType.ApiUsage, { environmentId: 'env-dev', apiIds: ['api-orders', '$api', ''] })).toBe(
      'API usage · Development · api-orders, $api · auto'
    );
    expect(text(QueryType.TopSlowestApis, { apiIds: ['api-orders'], appIds: ['app-shop'] })).toBe(
      'Top slowest APIs · default environment · limit 10'
    );
  });

  it('says which type is unknown', () => {
    expect(text('nope' as QueryType)).toBe('Unknown query type "nope"');
    expect(queryDisplayText({ refId: 'A' }, names)).toBe('Unknown query type "undefined"');
  });
});

import { QueryType } from '../../types';
import { h, runOne, values } from '../testing/runTarget';

describe('TopSlowestApis', () => {
  it('API name + p95 latency in ms, slowest first, limit 10 by default', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.TopSlowestApis },
      {
        TopSlowestApis: {
          data: {
            topSlowestAPIs: [
              { apiId: 'api-pay', latency: 120 },
              { apiId: 'api-orders', latency: 4800 },
            ],
          },
        },
      }
    );
    expect(requests[0].variables?.limit).toBe(10);
    const f = frames[0];
    expect(f.meta?.type).toBe('numeric-long');
    expect(f.fields.map((x) => [x.name, x.type])).toEqual([
      ['API', 'string'],
      ['API ID', 'string'],
      ['Latency', 'number'],
    ]);
    expect(values(f, 'API')).toEqual(['Orders API v1', 'Payments 2.0.0']);
    expect(values(f, 'API ID')).toEqual(['api-orders', 'api-pay']);
    expect(values(f, 'Latency')).toEqual([4800, 120]);
    expect(f.fields[2].config.unit).toBe('ms');
  });

  it('rejects a non-positive limit', async () => {
    const { errors } = await runOne({ queryType: QueryType.TopSlowestApis, limit: 0 }, {});
    expect(errors[0].message).toBe('Limit must be a whole number of at least 1 (got 0).');
  });
});

describe('ApiLatency', () => {
  it('needs an API', async () => {
    const { errors, requests } = await runOne({ queryType: QueryType.ApiLatency }, {});
    expect(requests).toHaveLength(0);
    expect(errors[0]).toMatchObject({ refId: 'A', message: 'Choose an API: latency is shown for one API at a time.' });
  });

  it('eight latency series in ms; missing buckets are gaps', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ApiLatency, apiIds: ['api-orders'] },
      {
        ApiLatency: {
          data: {
            getLatency: {
              granularity: '1h',
              summary: [
                {
                  timeSpan: '2024-01-01T00:00:00Z',
                  response: 92,
                  responseMedian: 7,
                  backend: 91,
                  backendMedian: 6,
                  requestMediation: 1,
                  requestMediationMedian: 0,
                  responseMediation: 1,
                  responseMediationMedian: 0,
                },
                {
                  timeSpan: '2024-01-01T02:00:00Z',
                  response: 80,
                  responseMedian: 5,
                  backend: 79,
                  backendMedian: 4,
                  requestMediation: 1,
                  requestMediationMedian: 0,
                  responseMediation: 0,
                  responseMediationMedian: 0,
                },
              ],
            },
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({ apiId: 'api-orders', granularity: '1h' });
    const f = frames[0];
    expect(f.fields.map((x) => x.name)).toEqual([
      'Time',
      'Total p95',
      'Total median',
      'Backend p95',
      'Backend median',
      'Request mediation p95',
      'Request mediation median',
      'Response mediation p95',
      'Response mediation median',
    ]);
    // No grid for gauges: only the buckets the API returned.
    expect(values(f, 'Time')).toEqual([h(0), h(2)]);
    expect(values(f, 'Total p95')).toEqual([92, 80]);
    expect(f.fields.slice(1).every((x) => x.config.unit === 'ms')).toBe(true);
  });
});

describe('Cache', () => {
  it('hits and misses (0 when missing) and hit % (gap when missing) on the right axis', async () => {
    const { frames } = await runOne(
      { queryType: QueryType.Cache },
      {
        CacheHitsAndMisses: {
          data: {
            getCacheHitsAndMisses: {
              granularity: '1h',
              summary: [{ timeSpan: '2024-01-01T01:00:00Z', hits: 30, misses: 10, hitPercentage: 75 }],
            },
          },
        },
      }
    );
    const f = frames[0];
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    expect(values(f, 'Hits')).toEqual([0, 30, 0]);
    expect(values(f, 'Misses')).toEqual([0, 10, 0]);
    expect(values(f, 'Hit %')).toEqual([null, 75, null]);
    expect(f.fields[3].config).toMatchObject({ unit: 'percent', custom: { axisPlacement: 'right' } });
  });
});

describe('TopPlatforms / TopUserAgents', () => {
  it('name + hits, pie friendly', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.TopPlatforms, apiIds: ['api-orders'] },
      {
        TopPlatforms: {
          data: {
            getTopPlatforms: [
              { platform: 'Linux', count: 40 },
              { platform: 'Other', count: 2 },
            ],
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({ apiIds: ['api-orders'] });
    expect(frames[0].fields.map((x) => [x.name, x.type])).toEqual([
      ['Platform', 'string'],
      ['Hits', 'number'],
    ]);
    expect(values(frames[0], 'Platform')).toEqual(['Linux', 'Other']);
    const agents = await runOne(
      { queryType: QueryType.TopUserAgents },
      { TopUserAgents: { data: { getTopUserAgents: [{ userAgent: 'curl', count: 3 }] } } }
    );
    expect(values(agents.frames[0], 'User agent')).toEqual(['curl']);
    expect(values(agents.frames[0], 'Hits')).toEqual([3]);
  });
});

describe('Alerts', () => {
  it('alert summary table', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.AlertSummary, alertCategory: 'LATENCY' },
      {
        AlertSummary: {
          data: {
            getAlertSummary: {
              usage: [
                {
                  apiId: 'api-pay',
                  timestamp: '2024-01-01T01:00:00.000Z',
                  category: 'LATENCY',
                  metric: 'p95',
                  severity: 'HIGH',
                  message: 'slow',
                },
              ],
              pagination: { total: 1 },
            },
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({
      category: 'LATENCY',
      paginationFilter: { limit: 1000, offset: 0, sortOrder: 'desc' },
    });
    const f = frames[0];
    expect(f.fields.map((x) => x.name)).toEqual(['Time', 'API', 'API ID', 'Category', 'Metric', 'Severity', 'Message']);
    expect(values(f, 'Time')).toEqual([h(1)]);
    expect(values(f, 'API')).toEqual(['Payments 2.0.0']);
    expect(values(f, 'API ID')).toEqual(['api-pay']);
    expect(values(f, 'Severity')).toEqual(['HIGH']);
  });

  it('top APIs by alert count', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.TopApisByAlertCount, limit: 3 },
      {
        TopApisByAlertCount: {
          data: { getTopAPIsByAlertCount: { usage: [{ apiId: 'api-orders', count: 12 }], pagination: { total: 1 } } },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({ paginationFilter: { limit: 3, offset: 0 } });
    expect(frames[0].fields.map((x) => x.name)).toEqual(['API', 'API ID', 'Alerts']);
    expect(values(frames[0], 'API')).toEqual(['Orders API v1']);
    expect(values(frames[0], 'API ID')).toEqual(['api-orders']);
    expect(values(frames[0], 'Alerts')).toEqual([12]);
  });
});

describe('CustomReport', () => {
  it('top over time: a series per group value; granularity always concrete', async () => {
    const { frames, requests } = await runOne(
      {
        queryType: QueryType.CustomReport,
        granularity: 'auto',
        customReport: { mode: 'topOverTime', metric: 'TOTAL_LATENCY', groupByFields: ['API_NAME'], groupByValues: [] },
      },
      {
        CustomReportTopOverTime: {
          data: {
            getCustomReportTopOvertime: {
              granularity: '1h',
              usage: [
                { groupByValue: 'Orders API', usage: [{ timeSpan: '2024-01-01T00:00:00Z', value: 10 }] },
                { groupByValue: 'Payments', usage: [{ timeSpan: '2024-01-01T01:00:00Z', value: 20 }] },
              ],
            },
          },
        },
      }
    );
    expect(requests[0].variables).toMatchObject({
      metric: 'TOTAL_LATENCY',
      groupByFields: ['API_NAME'],
      groupByValues: [],
      granularity: '1h',
    });
    const f = frames[0];
    expect(f.fields.slice(1).map((x) => x.config.displayNameFromDS)).toEqual(['Orders API', 'Payments']);
    // latency metric: gaps, ms
    expect([...f.fields[1].values]).toEqual([10, null]);
    expect(f.fields[1].config.unit).toBe('ms');
  });

  it('over time: one series; counts fill 0', async () => {
    const { frames } = await runOne(
      {
        queryType: QueryType.CustomReport,
        customReport: {
          mode: 'overTime',
          metric: 'HIT_COUNT',
          groupByFields: ['API_NAME'],
          groupByValues: ['Orders API'],
        },
      },
      {
        CustomReportOverTime: {
          data: {
            getCustomReportOvertime: { granularity: '1h', usage: [{ timeSpan: '2024-01-01T01:00:00Z', value: 4 }] },
          },
        },
      }
    );
    expect(frames[0].fields[1].config.displayNameFromDS).toBe('Hits (Orders API)');
    expect([...frames[0].fields[1].values]).toEqual([0, 4, 0]);
  });

  it('needs 1 to 3 group-by fields', async () => {
    const { errors } = await runOne({ queryType: QueryType.CustomReport, customReport: { groupByFields: [] } }, {});
    expect(errors[0].message).toBe('A custom report groups by 1 to 3 fields: choose at least one group-by field.');
  });
});

describe('List', () => {
  it('environments need no environment; apis are scoped', async () => {
    const envs = await runOne(
      { queryType: QueryType.List, list: 'environments' },
      {
        ListEnvironments: {
          data: { listEnvironments: [{ id: 'e1', name: 'Development', type: 'CHOREO', externalEnvId: 'x1' }] },
        },
      }
    );
    // The list is the lookup's own document: one request, nothing else looked up.
    expect(envs.allRequests.map((r) => [r.operationName, r.variables])).toEqual([
      ['ListEnvironments', { org: { orgId: 'org-1' } }],
    ]);
    expect(values(envs.frames[0], 'Name')).toEqual(['Development']);
    const apis = await runOne(
      { queryType: QueryType.List, list: 'apis' },
      { ListApis: { data: { listAllAPI: [{ id: 'a', name: 'A', version: '1', provider: 'p' }] } } }
    );
    expect(apis.allRequests.map((r) => [r.operationName, r.variables])).toEqual([
      ['ListApis', { dataFilter: { orgId: 'org-1', tenant: 'carbon.super', environmentId: 'env-1' } }],
    ]);
    expect(apis.frames[0].fields.map((x) => x.name)).toEqual(['Name', 'Version', 'Provider', 'ID']);
    const tenants = await runOne(
      { queryType: QueryType.List, list: 'tenants' },
      { ListTenants: { data: { listTenants: ['carbon.super', null] } } }
    );
    expect(values(tenants.frames[0], 'Tenant')).toEqual(['carbon.super']);
  });
});

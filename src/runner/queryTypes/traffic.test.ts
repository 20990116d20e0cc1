import { FieldType } from '@grafana/data';

import { QueryType } from '../../types';
import { h, runOne, values } from '../testing/runTarget';

const usage = (pairs: Array<[string, number]>) => pairs.map(([timeSpan, count]) => ({ timeSpan, count }));

describe('ApiUsage', () => {
  const data = {
    getAPIUsageOverTime: [
      {
        apiId: 'api-orders',
        granularity: '1h',
        usage: usage([
          ['2024-01-01T00:00:00.0000000Z', 5],
          ['2024-01-01T02:00:00.0000000Z', 8],
        ]),
      },
      { apiId: 'Payments - 2.0.0', granularity: '1h', usage: usage([['2024-01-01T01:00:00.0000000Z', 3]]) },
      { apiId: null, granularity: '1h', usage: usage([['2024-01-01T01:00:00.0000000Z', 1]]) },
    ],
  };

  it('sends the API and application filters and the granularity', async () => {
    const { requests } = await runOne(
      { queryType: QueryType.ApiUsage, apiIds: ['api-orders', 'api-pay'], appIds: ['app-1'] },
      { ApiUsage: { data } }
    );
    expect(requests[0].variables?.filter).toEqual({
      apiIds: ['api-orders', 'api-pay'],
      appIds: ['app-1'],
      granularity: '1h',
    });
  });

  it('gives one Hits series per API, named from listAllAPI, composites and null', async () => {
    const { frames } = await runOne({ queryType: QueryType.ApiUsage }, { ApiUsage: { data } });
    const f = frames[0];
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    const series = f.fields.slice(1);
    expect(series.map((s) => s.config.displayNameFromDS)).toEqual(['Orders API v1', 'Payments 2.0.0', 'Unknown API']);
    // Labels: the name, and the API's id when it is known (the composite names a known API).
    expect(series.map((s) => s.labels)).toEqual([
      { api: 'Orders API v1', apiId: 'api-orders' },
      { api: 'Payments 2.0.0', apiId: 'api-pay' },
      { api: 'Unknown API' },
    ]);
    expect(series.map((s) => [...s.values])).toEqual([
      [5, 0, 8],
      [0, 3, 0],
      [0, 1, 0],
    ]);
    expect(series.every((s) => s.name === 'Hits' && s.type === FieldType.number && s.config.unit === 'short')).toBe(
      true
    );
  });

  it('keeps working with raw ids when listAllAPI fails, and says so', async () => {
    const { frames, errors } = await runOne(
      { queryType: QueryType.ApiUsage },
      { ApiUsage: { data }, ListApis: new Error('list down') }
    );
    expect(errors).toEqual([]);
    // Series in name order: ids where there are no names.
    expect(frames[0].fields.slice(1).map((f) => f.config.displayNameFromDS)).toEqual([
      'Payments 2.0.0',
      'Unknown API',
      'api-orders',
    ]);
    expect(frames[0].meta?.notices).toEqual([
      { severity: 'warning', text: 'API names could not be loaded, so APIs show as ids: list down' },
    ]);
  });

  it('refuses more than five APIs, as the API would', async () => {
    const { errors, requests } = await runOne(
      { queryType: QueryType.ApiUsage, apiIds: ['1', '2', '3', '4', '5', '6'] },
      {}
    );
    expect(requests).toHaveLength(0);
    expect(errors[0].message).toBe('The Insights API filters by at most 5 APIs, but 6 are selected.');
  });
});

describe('UsageByApplication', () => {
  it('names series by application', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.UsageByApplication },
      {
        UsageByApplication: {
          data: {
            getAPIUsageByAppOverTime: {
              granularity: '1h',
              usage: [
                {
                  applicationId: 'app-1',
                  applicationName: 'Shop',
                  applicationOwner: 'carol',
                  usage: usage([['2024-01-01T00:00:00Z', 4]]),
                },
                {
                  applicationId: 'app-2',
                  applicationName: '',
                  applicationOwner: 'dan',
                  usage: usage([['2024-01-01T01:00:00Z', 2]]),
                },
              ],
            },
          },
        },
      }
    );
    expect(requests[0].query).toContain('getAPIUsageByAppOverTime');
    const f = frames[0];
    expect(f.fields.slice(1).map((s) => s.config.displayNameFromDS)).toEqual(['Shop', 'app-2']);
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    expect([...f.fields[1].values]).toEqual([4, 0, 0]);
  });
});

describe('UsageByBackend', () => {
  it('names series by backend and ignores an application filter with a notice', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.UsageByBackend, appIds: ['app-1'] },
      {
        UsageByBackend: {
          data: {
            getAPIUsageByBackendOverTime: {
              granularity: '1h',
              usage: [{ backend: 'https://orders.internal', usage: usage([['2024-01-01T02:00:00Z', 9]]) }],
            },
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({ granularity: '1h' });
    expect(frames[0].fields[1].config.displayNameFromDS).toBe('https://orders.internal');
    expect(values(frames[0], 'Hits')).toEqual([0, 0, 9]);
    expect(frames[0].meta?.notices).toEqual([
      {
        severity: 'info',
        text: 'This view cannot be filtered by application; the application filter is ignored.',
      },
    ]);
  });
});

describe('ResourceUsage', () => {
  const row = (i: number) => ({
    apiId: 'api-orders',
    apiResourceTemplate: `/orders/${i}`,
    apiMethod: 'GET',
    count: 1000 - i,
  });

  it('is a table of API, resource, method, hits', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ResourceUsage, sortBy: 'count', sortOrder: 'desc' },
      {
        ResourceUsage: {
          data: { getResourceUsage: { usage: [row(1), row(2)], pagination: { total: 2, limit: 100, offset: 0 } } },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({
      paginationFilter: { limit: 1000, offset: 0, sortBy: 'count', sortOrder: 'desc' },
    });
    const f = frames[0];
    expect(f.meta?.type).toBeUndefined();
    expect(f.meta?.preferredVisualisationType).toBe('table');
    expect(f.fields.map((x) => [x.name, x.type])).toEqual([
      ['API', 'string'],
      ['API ID', 'string'],
      ['Resource', 'string'],
      ['Method', 'string'],
      ['Hits', 'number'],
    ]);
    expect(values(f, 'API')).toEqual(['Orders API v1', 'Orders API v1']);
    expect(values(f, 'API ID')).toEqual(['api-orders', 'api-orders']);
    expect(values(f, 'Resource')).toEqual(['/orders/1', '/orders/2']);
    expect(values(f, 'Hits')).toEqual([999, 998]);
  });

  /** A resource usage server with `total` rows that returns at most `cap` rows per request. */
  const server =
    (total: number, cap = Infinity) =>
    (req: { variables?: Record<string, unknown> }) => {
      const { offset, limit } = (req.variables?.filter as { paginationFilter: { offset: number; limit: number } })
        .paginationFilter;
      const size = Math.max(0, Math.min(limit, cap, total - offset));
      const rows = Array.from({ length: size }, (_, i) => row(offset + i));
      return { data: { getResourceUsage: { usage: rows, pagination: { total, limit, offset } } } };
    };
  const pagesOf = (requests: Array<{ variables?: Record<string, unknown> }>) =>
    requests.map((r) => {
      const p = (r.variables?.filter as { paginationFilter: { offset: number; limit: number } }).paginationFilter;
      return [p.offset, p.limit];
    });

  it('asks for maxRows in one request and says when maxRows cut the result', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ResourceUsage, maxRows: 220 },
      { ResourceUsage: server(250) }
    );
    expect(pagesOf(requests)).toEqual([[0, 220]]);
    // No sort column chosen: the API's default column, in the default (descending) order.
    expect((requests[0].variables?.filter as Record<string, unknown>).paginationFilter).toEqual({
      limit: 220,
      offset: 0,
      sortOrder: 'desc',
    });
    expect(frames[0].length).toBe(220);
    expect(values(frames[0], 'Resource')[219]).toBe('/orders/219');
    expect(frames[0].meta?.notices).toEqual([
      expect.objectContaining({ text: 'Showing the first 220 of 250 rows: raise "Max rows" to see more.' }),
    ]);
    expect(frames[0].meta?.executedQueryString).not.toContain('pages fetched');
  });

  it('follows a server that caps the page size, by its page size', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ResourceUsage, maxRows: 220 },
      { ResourceUsage: server(250, 100) }
    );
    expect(pagesOf(requests)).toEqual([
      [0, 220],
      [100, 100],
      [200, 20],
    ]);
    expect(frames[0].length).toBe(220);
    expect(values(frames[0], 'Resource')[219]).toBe('/orders/219');
    expect(frames[0].meta?.notices).toEqual([
      expect.objectContaining({ text: 'Showing the first 220 of 250 rows: raise "Max rows" to see more.' }),
    ]);
    expect(frames[0].meta?.executedQueryString).toContain('# 3 pages fetched');
  });

  it('asks for no more than 1000 rows a request, and pages past them when maxRows is higher', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ResourceUsage, maxRows: 2500 },
      { ResourceUsage: server(3000) }
    );
    expect(pagesOf(requests)).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 500],
    ]);
    expect(frames[0].length).toBe(2500);
  });

  it('stops after a short first page when the server gives no total', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ResourceUsage },
      { ResourceUsage: { data: { getResourceUsage: { usage: [row(1), row(2)], pagination: null } } } }
    );
    expect(pagesOf(requests)).toEqual([[0, 1000]]);
    expect(frames[0].length).toBe(2);
  });

  it('applies the API filter through the search filter when there is a search text', async () => {
    const { requests, frames } = await runOne(
      { queryType: QueryType.ResourceUsage, apiIds: ['api-orders'] },
      { ResourceUsage: { data: { getResourceUsage: { usage: [], pagination: { total: 0 } } } } }
    );
    expect((requests[0].variables?.filter as Record<string, unknown>).searchFilter).toBeUndefined();
    expect(frames[0].meta?.notices).toEqual([
      { severity: 'info', text: 'The API filter applies to resource usage only together with a search text.' },
    ]);
    const withText = await runOne(
      { queryType: QueryType.ResourceUsage, apiIds: ['api-orders'], search: 'orders' },
      { ResourceUsage: { data: { getResourceUsage: { usage: [], pagination: { total: 0 } } } } }
    );
    expect((withText.requests[0].variables?.filter as Record<string, unknown>).searchFilter).toEqual({
      searchText: 'orders',
      apiIds: ['api-orders'],
    });
  });
});

import { QueryType } from '../../types';
import { h, runOne, values } from '../testing/runTarget';

describe('ErrorsByCategory', () => {
  const data = {
    getErrorsByCategory: {
      granularity: '1h',
      errors: [
        { timeSpan: '2024-01-01T00:00:00Z', auth: 31, targetConnectivity: 86, throttled: 0, other: null },
        { timeSpan: '2024-01-01T02:00:00Z', auth: 1, targetConnectivity: 2, throttled: 3, other: 4 },
      ],
    },
  };

  it('one series per category with console names; empty buckets 0', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ErrorsByCategory, apiIds: ['api-orders'] },
      { ErrorsByCategory: { data } }
    );
    expect(requests[0].variables?.filter).toEqual({ apiId: 'api-orders', granularity: '1h' });
    const f = frames[0];
    expect(f.fields.map((x) => x.name)).toEqual([
      'Time',
      'Authentication',
      'Target Connectivity',
      'Throttling',
      'Other',
    ]);
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    expect(values(f, 'Authentication')).toEqual([31, 0, 1]);
    // The API's explicit null stays null (category not computed), a missing bucket is 0.
    expect(values(f, 'Other')).toEqual([null, 0, 4]);
  });

  it('asks for and shows only the chosen categories', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ErrorsByCategory, errorCategories: ['AUTH', 'THROTTLED'] },
      { ErrorsByCategory: { data } }
    );
    expect((requests[0].variables?.filter as { categories: string[] }).categories).toEqual(['AUTH', 'THROTTLED']);
    expect(frames[0].fields.map((x) => x.name)).toEqual(['Time', 'Authentication', 'Throttling']);
  });

  it('refuses two APIs (the filter takes one)', async () => {
    const { errors } = await runOne({ queryType: QueryType.ErrorsByCategory, apiIds: ['a', 'b'] }, {});
    expect(errors[0].message).toBe('This view filters by one API at a time, but 2 APIs are selected.');
  });
});

describe('ErrorsByStatusClass', () => {
  it('proxy and target 4xx/5xx over time', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ErrorsByStatusClass },
      {
        ErrorsByStatusClass: {
          data: {
            getProxyTargetErrorsOverTime: [
              { timeSpan: '2024-01-01T01:00:00Z', proxy: { _4xx: 5, _5xx: 1 }, target: { _4xx: 2, _5xx: null } },
            ],
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({ granularity: '1h' });
    const f = frames[0];
    expect(f.fields.map((x) => x.name)).toEqual(['Time', 'Proxy 4xx', 'Proxy 5xx', 'Target 4xx', 'Target 5xx']);
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    expect(values(f, 'Proxy 4xx')).toEqual([0, 5, 0]);
    expect(values(f, 'Target 5xx')).toEqual([0, null, 0]);
  });
});

describe('ErrorsByStatusCode', () => {
  it('one row per API, one column per status code, 0 where absent', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ErrorsByStatusCode, errorType: 'TARGET', errorCodeType: '_5XX' },
      {
        ErrorsByStatusCode: {
          data: {
            getErrorsByStatusCode: {
              errors: [
                {
                  apiId: 'api-orders',
                  errorCountByCode: [
                    { statusCode: '503', count: 4 },
                    { statusCode: '500', count: 2 },
                  ],
                },
                { apiId: 'api-pay', errorCountByCode: [{ statusCode: '500', count: 7 }] },
              ],
              pagination: { total: 2, limit: 100, offset: 0 },
            },
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({
      errorType: 'TARGET',
      errorCodeType: '_5XX',
      paginationFilter: { limit: 1000, offset: 0 },
    });
    const f = frames[0];
    expect(f.meta?.type).toBe('numeric-long');
    expect(f.fields.map((x) => [x.name, x.type])).toEqual([
      ['API', 'string'],
      ['API ID', 'string'],
      ['500', 'number'],
      ['503', 'number'],
    ]);
    expect(values(f, 'API')).toEqual(['Orders API v1', 'Payments 2.0.0']);
    expect(values(f, 'API ID')).toEqual(['api-orders', 'api-pay']);
    expect(values(f, '500')).toEqual([2, 7]);
    expect(values(f, '503')).toEqual([4, 0]);
  });

  it('defaults to proxy errors', async () => {
    const { requests } = await runOne(
      { queryType: QueryType.ErrorsByStatusCode },
      { ErrorsByStatusCode: { data: { getErrorsByStatusCode: { errors: [], pagination: { total: 0 } } } } }
    );
    expect((requests[0].variables?.filter as { errorType: string }).errorType).toBe('PROXY');
  });
});

describe('ErrorDetails', () => {
  it('a table with a time column, API and application names', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.ErrorDetails, errorCategories: ['AUTH'], appIds: ['app-1'], search: ' token ' },
      {
        ErrorDetails: {
          data: {
            getErrorsDetails: {
              usage: [
                {
                  apiId: 'api-orders',
                  timeSpan: '2024-01-01T05:30:00.0000000+05:30',
                  applicationId: 'app-1',
                  applicationName: 'Shop',
                  applicationOwner: 'carol',
                  reason: 'AUTH',
                  count: 883,
                },
              ],
              pagination: { total: 1, limit: 100, offset: 0 },
            },
          },
        },
      }
    );
    expect(requests[0].variables?.filter).toEqual({
      appId: 'app-1',
      category: 'AUTH',
      granularity: '1h',
      paginationFilter: { limit: 1000, offset: 0, sortOrder: 'desc' },
      searchFilter: { searchText: 'token' },
    });
    const f = frames[0];
    expect(f.fields.map((x) => [x.name, x.type])).toEqual([
      ['Time', 'time'],
      ['API', 'string'],
      ['API ID', 'string'],
      ['Application', 'string'],
      ['Reason', 'string'],
      ['Count', 'number'],
    ]);
    expect(values(f, 'Time')).toEqual([h(0)]);
    expect(values(f, 'API')).toEqual(['Orders API v1']);
    expect(values(f, 'API ID')).toEqual(['api-orders']);
    expect(values(f, 'Application')).toEqual(['Shop']);
    expect(values(f, 'Count')).toEqual([883]);
  });

  it('refuses two categories (the filter takes one)', async () => {
    const { errors } = await runOne({ queryType: QueryType.ErrorDetails, errorCategories: ['AUTH', 'OTHER'] }, {});
    expect(errors[0].message).toBe('Error details filter by one error category: pick one, or none for all.');
  });
});

import { InsightsError } from '../client/errors';
import { QueryType } from '../types';
import { fakeDeps, request, runOne } from './testing/fakeDeps';
import { runQueries } from './runQueries';

const kpi = { queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' as const };

describe('runQueries', () => {
  it('runs targets concurrently; a failing target is its own error, others keep data', async () => {
    const deps = fakeDeps({
      OverviewTotalTraffic: { data: { traffic: 5 } },
      OverviewErrorCount: new InsightsError('server', 'The Insights API failed (HTTP 500).', { status: 500 }),
    });
    const res = await runQueries(
      request([kpi, { queryType: QueryType.OverviewKpi, kpi: 'errorCount' }, { ...kpi, hide: true }]),
      deps
    );
    expect(res.data).toHaveLength(1);
    expect(res.data[0].refId).toBe('A');
    expect(res.errors).toEqual([{ refId: 'B', message: 'The Insights API failed (HTTP 500).', status: 500 }]);
    expect(deps.requests).toHaveLength(2);
  });

  it('turns partial GraphQL errors into notices and keeps the data', async () => {
    const { frames, errors } = await runOne(kpi, {
      OverviewTotalTraffic: { data: { traffic: 5 }, errors: [{ message: 'shard down', path: ['getTotalTraffic'] }] },
    });
    expect(errors).toEqual([]);
    expect(frames[0].meta?.notices).toEqual([
      {
        severity: 'warning',
        text: 'Insights API returned part of the data with an error: shard down (at getTotalTraffic)',
      },
    ]);
  });

  it('reports unknown types and granularities in the panel', async () => {
    expect((await runOne({ queryType: 'nope' as QueryType }, {})).errors[0].message).toContain(
      'Unknown query type "nope"'
    );
    expect(
      (await runOne({ queryType: QueryType.ApiUsage, granularity: '1w' as '1d' }, {})).errors[0].message
    ).toContain('Unknown granularity "1w"');
  });

  it('migrates targets: a query without a type runs the request summary', async () => {
    const { requests } = await runOne({}, { RequestSummary: { data: {} } });
    expect(requests[0].operationName).toBe('RequestSummary');
  });

  it('uses the data source default environment, else the first one with a notice', async () => {
    const first = await runOne(
      kpi,
      { OverviewTotalTraffic: { data: { traffic: 1 } } },
      { jsonData: { orgUuid: 'org-1' } }
    );
    expect((first.requests[0].variables?.dataFilter as { environmentId: string }).environmentId).toBe('env-first');
    expect(first.frames[0].meta?.notices?.[0].text).toContain('showing "Development"');
    const none = await runOne(
      kpi,
      { ListEnvironments: { data: { listEnvironments: [] } } },
      { jsonData: { orgUuid: 'org-1' } }
    );
    expect(none.errors[0].message).toBe('Organization org-1 has no environments to query.');
  });

  it('refuses to run without an organization', async () => {
    const { errors } = await runOne(kpi, {}, { jsonData: {} });
    expect(errors[0].message).toContain('no organization UUID');
  });

  it('interpolates scope: multi-value variables expand, All removes the filter, project is passed', async () => {
    const vars = { env: 'env-9', api: ['api-orders', 'api,pay'], all: ['$__all'], proj: 'p-1' };
    const usage = { ApiUsage: { data: { getAPIUsageOverTime: [] } } };
    const multi = await runOne(
      { queryType: QueryType.ApiUsage, environmentId: '$env', projectId: '${proj}', apiIds: ['$api', 'x'] },
      usage,
      { vars }
    );
    expect(multi.requests[0].variables).toMatchObject({
      dataFilter: { orgId: 'org-1', tenant: 'carbon.super', environmentId: 'env-9', projectId: 'p-1' },
      filter: { apiIds: ['api-orders', 'api,pay', 'x'] },
    });
    const all = await runOne({ queryType: QueryType.ApiUsage, apiIds: ['$all'] }, usage, { vars });
    expect((all.requests[0].variables?.filter as { apiIds?: string[] }).apiIds).toBeUndefined();
    const scoped = await runOne({ queryType: QueryType.ApiUsage, apiIds: ['$api'] }, usage, {
      vars,
      request: { scopedVars: { api: { text: 'Orders', value: 'api-orders' } } },
    });
    expect((scoped.requests[0].variables?.filter as { apiIds?: string[] }).apiIds).toEqual(['api-orders']);
  });

  it('passes GraphQL targets to the GraphQL runner', async () => {
    const { errors, frames } = await runOne({ queryType: QueryType.GraphQL, graphql: { query: '' } }, {});
    expect(errors).toEqual([]);
    expect(frames).toEqual([]);
  });

  it('reports a bug of ours as the target error, not a blank panel', async () => {
    const { errors } = await runOne(kpi, { OverviewTotalTraffic: new TypeError('x is undefined') });
    expect(errors[0]).toEqual({ refId: 'A', message: 'Unexpected error: x is undefined' });
  });
});

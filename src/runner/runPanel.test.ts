import { InsightsError } from '../client/errors';
import { QueryType } from '../types';
import { DocumentMerger } from './batch/documentMerger';
import { runPanel } from './runPanel';
import { fakeDeps, request, runOne, runRequest } from './testing/runTarget';

const kpi = { queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' as const };

describe('runPanel', () => {
  it('sends every target in one POST; a failing target is its own error, others keep data', async () => {
    const deps = fakeDeps({
      OverviewTotalTraffic: { data: { traffic: 5 } },
      OverviewErrorCount: {
        data: { errors: null },
        errors: [{ message: 'The Insights API failed', path: ['errors'] }],
      },
    });
    const res = await runRequest(
      request([kpi, { queryType: QueryType.OverviewKpi, kpi: 'errorCount' }, { ...kpi, hide: true }]),
      deps
    );
    expect(res.frames).toHaveLength(1);
    expect(res.frames[0].refId).toBe('A');
    expect(res.errors).toEqual([{ refId: 'B', message: 'Insights API error: The Insights API failed (at errors)' }]);
    // One merged document for both visible targets; the hidden one is not sent.
    expect(deps.requests.map((r) => r.operationName)).toEqual(['Batch_OverviewTotalTraffic_OverviewErrorCount']);
    expect(deps.transport.sent('OverviewTotalTraffic')).toHaveLength(1);
    expect(deps.transport.sent('OverviewErrorCount')).toHaveLength(1);
    expect(deps.requests[0].requestId).toBe('Q1');
  });

  it('an HTTP failure of the one POST is every target’s error, with its status', async () => {
    const deps = fakeDeps({
      OverviewTotalTraffic: new InsightsError('server', 'The Insights API failed (HTTP 500).', { status: 500 }),
      OverviewErrorCount: { data: { errors: 3 } },
    });
    const res = await runRequest(request([kpi, { queryType: QueryType.OverviewKpi, kpi: 'errorCount' }]), deps);
    expect(res.frames).toEqual([]);
    expect(res.errors).toEqual([
      { refId: 'A', message: 'The Insights API failed (HTTP 500).', status: 500 },
      { refId: 'B', message: 'The Insights API failed (HTTP 500).', status: 500 },
    ]);
  });

  it('fails a target whose every field is null with errors, alone as in a batch', async () => {
    const answers = {
      OverviewTotalTraffic: { data: { traffic: null }, errors: [{ message: 'range too long', path: ['traffic'] }] },
      OverviewErrorCount: { data: { errors: 3 } },
    };
    const alone = await runOne(kpi, answers);
    expect(alone.errors).toEqual([{ refId: 'A', message: 'Insights API error: range too long (at traffic)' }]);
    expect(alone.frames).toEqual([]);
    const batched = await runRequest(
      request([kpi, { queryType: QueryType.OverviewKpi, kpi: 'errorCount' }]),
      fakeDeps(answers)
    );
    expect(batched.errors).toEqual(alone.errors);
    expect(batched.frames.map((f) => f.refId)).toEqual(['B']);
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
    expect((await runOne({ queryType: 'nope' as QueryType }, {})).errors).toEqual([
      { refId: 'A', message: 'Unknown query type "nope". Pick a query type in the editor.' },
    ]);
    expect((await runOne({ queryType: QueryType.ApiUsage, granularity: '1w' as '1d' }, {})).errors).toEqual([
      { refId: 'A', message: 'Unknown granularity "1w": choose auto, 1m, 15m, 1h, 1d, 7d.' },
    ]);
  });

  it('migrates targets: a query without a type runs the request summary', async () => {
    const { requests } = await runOne({}, { RequestSummary: { data: {} } });
    expect(requests.map((r) => r.operationName)).toEqual(['RequestSummary']);
  });

  it('uses the data source default environment, else the first one with a notice', async () => {
    const first = await runOne(
      kpi,
      { OverviewTotalTraffic: { data: { traffic: 1 } } },
      { jsonData: { orgUuid: 'org-1' } }
    );
    expect((first.requests[0].variables?.dataFilter as { environmentId: string }).environmentId).toBe('env-first');
    expect(first.frames[0].meta?.notices).toEqual([
      {
        severity: 'info',
        text:
          'No environment chosen and the data source has no default environment: showing "Development", ' +
          "the organization's first. Set a default environment in the data source settings.",
      },
    ]);
    const none = await runOne(
      kpi,
      { ListEnvironments: { data: { listEnvironments: [] } } },
      { jsonData: { orgUuid: 'org-1' } }
    );
    expect(none.errors[0].message).toBe('Organization org-1 has no environments to query.');
    expect(none.requests).toEqual([]);
  });

  it('refuses to run without an organization', async () => {
    const { errors, allRequests } = await runOne(kpi, {}, { jsonData: {} });
    expect(errors).toEqual([
      { refId: 'A', message: 'The data source has no organization UUID: set it in the data source settings.' },
    ]);
    expect(allRequests).toEqual([]);
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
    expect(all.requests[0].variables?.filter).toEqual({ granularity: '1h' });
    const scoped = await runOne({ queryType: QueryType.ApiUsage, apiIds: ['$api'] }, usage, {
      vars,
      request: { scopedVars: { api: { text: 'Orders', value: 'api-orders' } } },
    });
    expect((scoped.requests[0].variables?.filter as { apiIds?: string[] }).apiIds).toEqual(['api-orders']);
  });

  it('refuses a reference to a variable the dashboard does not define, and sends nothing', async () => {
    const { errors, requests } = await runOne(
      { queryType: QueryType.ApiUsage, apiIds: ['$nope'] },
      { ApiUsage: { data: { getAPIUsageOverTime: [] } } }
    );
    expect(errors).toEqual([
      {
        refId: 'A',
        message:
          'The dashboard variable $nope is not defined: add it in the dashboard settings or remove it from this query.',
      },
    ]);
    expect(requests).toEqual([]);
  });

  it('passes GraphQL targets to the GraphQL runner', async () => {
    const { errors, frames, allRequests } = await runOne({ queryType: QueryType.GraphQL, graphql: { query: '' } }, {});
    expect(errors).toEqual([]);
    expect(frames).toEqual([]);
    expect(allRequests).toEqual([]);
  });

  it('reports a bug of ours as the target error, not a blank panel', async () => {
    const { errors } = await runOne(kpi, { OverviewTotalTraffic: new TypeError('x is undefined') });
    expect(errors).toEqual([{ refId: 'A', message: 'Unexpected error: x is undefined' }]);
  });

  it('cancels the requests in flight when the run is unsubscribed (a newer run replaced it)', async () => {
    const deps = fakeDeps({ OverviewTotalTraffic: { data: { traffic: 5 } } });
    deps.transport.delayMs = 10_000;
    const merger = new DocumentMerger();
    const seen: unknown[] = [];
    const sub = runPanel(request([kpi]), deps, async () => merger).subscribe({
      next: (r) => seen.push(r),
      error: (e) => seen.push(e),
    });
    // Bounded wait for the request to leave.
    for (let i = 0; i < 100 && deps.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(deps.requests).toHaveLength(1);
    sub.unsubscribe();
    expect(deps.transport.cancelled).toBe(1);
    expect(seen).toEqual([]);
  });

  it('gives requests in flight at the same time their own requestId (backend_srv cancels a repeated one)', async () => {
    const rows = (offset: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ apiId: 'api-orders', apiResourceTemplate: `/r/${offset + i}`, count: 1 }));
    const deps = fakeDeps({
      ResourceUsage: (req) => {
        const { offset, limit } = (req.variables?.filter as { paginationFilter: { offset: number; limit: number } })
          .paginationFilter;
        const n = Math.max(0, Math.min(limit, 2500 - offset));
        return { data: { getResourceUsage: { usage: rows(offset, n), pagination: { total: 2500 } } } };
      },
      IntrospectionQuery: new Error('introspection disabled'),
      Envs: { data: { listEnvironments: [] } },
    });
    const fragment = 'query Envs { listEnvironments(org: {orgId: "o"}) { ...E } } fragment E on Environment { id }';
    const res = await runRequest(
      request([
        { queryType: QueryType.ResourceUsage, maxRows: 2500 },
        { queryType: QueryType.GraphQL, graphql: { query: fragment } },
      ]),
      deps
    );
    expect(res.errors).toEqual([]);
    const sent = deps.requests.filter(
      (r) => r.operationName !== 'IntrospectionQuery' && r.operationName !== 'ListApis'
    );
    expect(sent.map((r) => [r.operationName, r.requestId])).toEqual([
      // The fragment document cannot be merged: both first requests go at once.
      ['Envs', 'Q1-q1'],
      ['ResourceUsage', 'Q1-q0'],
      // Then the remaining pages of A, together.
      ['ResourceUsage', 'Q1-A-p1000'],
      ['ResourceUsage', 'Q1-A-p2000'],
    ]);
  });
});

import { FieldType } from '@grafana/data';

import { runGraphQLQuery } from './runGraphQLQuery';
import { fakeClient, fakeDeps, RANGE } from './testing/deps';

const request = { range: RANGE, interval: '1m', intervalMs: 60_000, scopedVars: {}, requestId: 'r1' };

const USAGE = `query Usage($timeFilter: TimeFilter!, $dataFilter: DataFilter!) {
  getAPIUsageOverTime(timeFilter: $timeFilter, dataFilter: $dataFilter) { apiId usage { timeSpan count } }
}`;

const answer = () => ({
  data: {
    getAPIUsageOverTime: [{ apiId: 'a1', usage: [{ timeSpan: '2024-01-01T00:00:00.0000000+00:00', count: 5 }] }],
  },
  errors: [],
});

describe('runGraphQLQuery', () => {
  it('sends the document with typed variables and maps the result to frames', async () => {
    const { client, calls } = fakeClient(answer);
    const res = await runGraphQLQuery(
      {
        refId: 'A',
        graphql: {
          query: USAGE,
          variables: '{"unused": 1}',
          dataPath: 'getAPIUsageOverTime.usage',
          labelFields: ['apiId'],
        },
      },
      request,
      fakeDeps(client)
    );
    expect(res.error).toBeUndefined();
    expect(calls).toEqual([
      {
        query: USAGE,
        operationName: 'Usage',
        variables: {
          timeFilter: { from: '2024-01-01T00:00:00.000Z', to: '2024-01-02T00:00:00.000Z' },
          dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-1' },
        },
      },
    ]);
    const frame = res.data[0];
    expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
      ['timeSpan', FieldType.time],
      ['count', FieldType.number],
    ]);
    expect(frame.meta?.executedQueryString).toContain('"orgId": "org-uuid"');
    expect(frame.meta?.executedQueryString).toContain('getAPIUsageOverTime(timeFilter');
    expect(frame.meta?.notices).toEqual([
      { severity: 'info', text: 'Not sent (the operation does not declare them): $unused.' },
    ]);
  });

  it('never sends an invalid document, and says where it is wrong', async () => {
    const { client, calls } = fakeClient(answer);
    const res = await runGraphQLQuery(
      { refId: 'A', graphql: { query: '{\n  listAllAPI(' } },
      request,
      fakeDeps(client)
    );
    expect(calls).toEqual([]);
    expect(res.error?.message).toBe(
      'Invalid GraphQL query (checked against the bundled Insights schema): Syntax Error: Expected Name, found <EOF>. (line 2, column 14)'
    );
  });

  it('never sends a query whose variables cannot be built', async () => {
    const { client, calls } = fakeClient(answer);
    const res = await runGraphQLQuery(
      { refId: 'A', graphql: { query: USAGE, variables: '{"timeFilter": {"from": "$start", "to": "$__to"}}' } },
      request,
      fakeDeps(client)
    );
    expect(calls).toEqual([]);
    expect(res.error?.message).toBe(
      'GraphQL variables: $timeFilter: $start is not a dashboard variable or a macro of this data source.'
    );
  });

  it('reports invalid variables JSON', async () => {
    const { client } = fakeClient(answer);
    const res = await runGraphQLQuery(
      { refId: 'A', graphql: { query: USAGE, variables: '{' } },
      request,
      fakeDeps(client)
    );
    expect(res.error?.message).toMatch(/^The variables are not valid JSON/);
  });

  it('keeps partial data and shows GraphQL errors as warnings', async () => {
    const { client } = fakeClient(() => ({
      ...answer(),
      errors: [{ message: 'slow shard', path: ['getAPIUsageOverTime', 0] }],
    }));
    const res = await runGraphQLQuery({ refId: 'A', graphql: { query: USAGE } }, request, fakeDeps(client));
    expect(res.data[0].meta?.notices).toEqual([
      { severity: 'warning', text: 'Partial result: slow shard (at getAPIUsageOverTime.0)' },
    ]);
  });

  it('turns client errors into a query error with the status', async () => {
    const err = Object.assign(new Error('Choreo rejected the credentials'), { status: 400 });
    const { client } = fakeClient(() => err);
    const res = await runGraphQLQuery({ refId: 'B', graphql: { query: USAGE } }, request, fakeDeps(client));
    expect(res).toEqual({ data: [], error: { refId: 'B', message: 'Choreo rejected the credentials', status: 400 } });
  });

  it('does nothing for an empty editor', async () => {
    const { client } = fakeClient(answer);
    expect(await runGraphQLQuery({ refId: 'A', graphql: { query: ' ' } }, request, fakeDeps(client))).toEqual({
      data: [],
    });
  });
});

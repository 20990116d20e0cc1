import { FieldType } from '@grafana/data';

import type { Answer } from '../../testing/fakes/transport';
import { InsightsError } from '../client/errors';
import type { GraphQLRequest } from '../client/insightsClient';
import { fakeDeps, request, runRequest } from '../runner/testing/runTarget';
import { QueryType, type ChoreoQuery } from '../types';
import { graphqlAnswers, JSON_DATA, RANGE, sentQueries } from './testing/deps';

const USAGE = `query Usage($timeFilter: TimeFilter!, $dataFilter: DataFilter!) {
  getAPIUsageOverTime(timeFilter: $timeFilter, dataFilter: $dataFilter) { apiId usage { timeSpan count } }
}`;

const answer = (): Answer => ({
  data: {
    getAPIUsageOverTime: [{ apiId: 'a1', usage: [{ timeSpan: '2024-01-01T00:00:00.0000000+00:00', count: 5 }] }],
  },
  errors: [],
});

/** One raw GraphQL target through the runner, as DataSource.query runs it. */
async function run(
  graphql: NonNullable<ChoreoQuery['graphql']>,
  reply: (req: GraphQLRequest) => Answer = answer,
  refId = 'A'
) {
  const deps = fakeDeps(graphqlAnswers('Usage', reply), { jsonData: JSON_DATA });
  const res = await runRequest(
    request([{ refId, queryType: QueryType.GraphQL, graphql }], {
      range: RANGE,
      interval: '1m',
      intervalMs: 60_000,
      requestId: 'r1',
    }),
    deps
  );
  return { ...res, calls: sentQueries(deps.transport) };
}

describe('raw GraphQL targets', () => {
  it('sends the document with typed variables and maps the result to frames', async () => {
    const res = await run({
      query: USAGE,
      variables: '{"unused": 1}',
      dataPath: 'getAPIUsageOverTime.usage',
      labelFields: ['apiId'],
    });
    expect(res.errors).toEqual([]);
    expect(res.calls).toEqual([
      {
        query: USAGE,
        operationName: 'Usage',
        requestId: 'r1',
        variables: {
          timeFilter: { from: '2024-01-01T00:00:00.000Z', to: '2024-01-02T00:00:00.000Z' },
          dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-1' },
        },
      },
    ]);
    const frame = res.frames[0];
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
    const res = await run({ query: '{\n  listAllAPI(' });
    expect(res.calls).toEqual([]);
    expect(res.errors).toEqual([
      {
        refId: 'A',
        message:
          'Invalid GraphQL query (checked against the bundled Insights schema): Syntax Error: Expected Name, found <EOF>. (line 2, column 14)',
      },
    ]);
  });

  it('never sends a query whose variables cannot be built', async () => {
    const res = await run({ query: USAGE, variables: '{"timeFilter": {"from": "$start", "to": "$__to"}}' });
    expect(res.calls).toEqual([]);
    expect(res.errors[0].message).toBe(
      'GraphQL variables: $timeFilter: $start is not a dashboard variable or a macro of this data source.'
    );
  });

  it('reports invalid variables JSON', async () => {
    const res = await run({ query: USAGE, variables: '{' });
    expect(res.calls).toEqual([]);
    expect(res.errors[0].message).toMatch(/^The variables are not valid JSON/);
  });

  it('keeps partial data and shows GraphQL errors as warnings', async () => {
    const res = await run({ query: USAGE }, () => ({
      ...(answer() as { data: unknown }),
      errors: [{ message: 'slow shard', path: ['getAPIUsageOverTime', 0] }],
    }));
    expect(res.frames[0].meta?.notices).toEqual([
      {
        severity: 'warning',
        text: 'Insights API returned part of the data with an error: slow shard (at getAPIUsageOverTime.0)',
      },
    ]);
  });

  it('turns client errors into a query error with the status', async () => {
    const err = new InsightsError('badRequest', 'Choreo rejected the credentials', { status: 400 });
    const res = await run({ query: USAGE }, () => err, 'B');
    expect(res.frames).toEqual([]);
    expect(res.errors).toEqual([{ refId: 'B', message: 'Choreo rejected the credentials', status: 400 }]);
  });

  it('does nothing for an empty editor', async () => {
    const res = await run({ query: ' ' });
    expect(res).toEqual({ frames: [], errors: [], requests: [], allRequests: [], calls: [] });
  });
});

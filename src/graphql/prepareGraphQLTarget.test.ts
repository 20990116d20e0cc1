import { FieldType, type DataFrame } from '@grafana/data';

import type { Answer } from '../../testing/fakes/transport';
import { InsightsError } from '../client/errors';
import type { GraphQLRequest } from '../client/insightsClient';
import { fakeDeps, request, runRequest } from '../runner/testing/runTarget';
import { defaultQueryFor } from '../queryModel/defaults';
import { QueryType, type ChoreoQuery } from '../types';
import { openAsGraphQL } from './openAsGraphQL';
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

describe('a builder query opened as GraphQL', () => {
  const usage = (env: string): Answer => ({
    data: {
      getAPIUsageOverTime: [
        {
          apiId: 'api-orders',
          granularity: '1h',
          usage: [{ timeSpan: '2024-01-01T00:00:00.0000000+00:00', count: 7 }],
        },
        { apiId: 'api-pay', granularity: '1h', usage: [{ timeSpan: '2024-01-01T01:00:00.0000000+00:00', count: 3 }] },
      ].map((s) => ({ ...s, apiId: env === 'env-first' ? s.apiId : `other-${s.apiId}` })),
    },
  });
  const answers = {
    ApiUsage: (req: GraphQLRequest) =>
      usage(String((req.variables?.dataFilter as { environmentId?: string }).environmentId)),
  };
  /** The builder query and the same query opened as GraphQL, each in its own panel. */
  async function both(builder: ChoreoQuery, jsonData: Record<string, string>) {
    const opened = openAsGraphQL(builder)!;
    const runs = [];
    for (const target of [builder, opened]) {
      const deps = fakeDeps(graphqlAnswers('ApiUsage', answers.ApiUsage), { jsonData });
      const res = await runRequest(request([target]), deps);
      runs.push({ ...res, sent: deps.transport.sent('ApiUsage') });
    }
    return runs;
  }
  const shown = (frames: DataFrame[]) =>
    frames.flatMap((f) =>
      f.fields.map((x) => [x.config.displayNameFromDS ?? x.config.displayName ?? x.name, x.labels, [...x.values]])
    );

  it('runs where the builder query runs when neither the query nor the data source names an environment', async () => {
    const [builder, opened] = await both({ refId: 'A', ...defaultQueryFor(QueryType.ApiUsage) }, { orgUuid: 'org-1' });
    expect(builder.errors).toEqual([]);
    expect(opened.errors).toEqual([]);
    // The organization's first environment, not the whole organization.
    for (const run of [builder, opened]) {
      expect(run.sent.map((r) => (r.variables?.dataFilter as { environmentId?: string }).environmentId)).toEqual([
        'env-first',
      ]);
    }
    // The same series, named by API as the builder names them.
    expect(shown(opened.frames)).toEqual(shown(builder.frames));
    expect(shown(opened.frames).map(([name]) => name)).toEqual(
      expect.arrayContaining(['Orders API v1', 'Payments 2.0.0'])
    );
    expect(opened.frames[0].meta?.notices).toEqual(builder.frames[0].meta?.notices);
    expect(opened.frames[0].meta?.notices?.[0].text).toMatch(/showing "Development", the organization's first/);
  });

  it('runs in the chosen environment, or the data source default, like the builder query', async () => {
    for (const [query, jsonData] of [
      [{ environmentId: 'env-prod' }, { orgUuid: 'org-1' }],
      [{}, { orgUuid: 'org-1', defaultEnvironmentId: 'env-default' }],
    ] as const) {
      const runs = await both({ refId: 'A', ...defaultQueryFor(QueryType.ApiUsage), ...query }, jsonData);
      const envs = runs.map((r) =>
        r.sent.map((s) => (s.variables?.dataFilter as { environmentId?: string }).environmentId)
      );
      expect(envs[1]).toEqual(envs[0]);
      expect(envs[0]).toEqual([query.environmentId ?? jsonData.defaultEnvironmentId]);
    }
  });

  it('a hand-written GraphQL query without an environment still covers the whole organization', async () => {
    const deps = fakeDeps(graphqlAnswers('Usage', answer), { jsonData: { orgUuid: 'org-1' } });
    await runRequest(request([{ refId: 'A', queryType: QueryType.GraphQL, graphql: { query: USAGE } }]), deps);
    expect(sentQueries(deps.transport)[0].variables?.dataFilter).toEqual({ orgId: 'org-1', tenant: 'carbon.super' });
  });
});

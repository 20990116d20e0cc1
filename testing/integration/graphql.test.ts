import { FieldType, type DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { APIS, ENV_IDS } from '../../emulator/demo';
import { alertAnnotationTarget } from '../../src/annotations/alertQuery';
import { QueryType, type ChoreoQuery } from '../../src/types';
import { ChoreoVariableSupport } from '../../src/variables/ChoreoVariableSupport';
import type { VariableQuery } from '../../src/variables/variableQuery';
import { panelRequest } from '../fakes/panelRequest';
import { startStack, type Stack } from '../stack/startStack';

// Raw GraphQL mode, template variables and alert annotations end to end: the real DataSource
// through the Grafana-faithful proxy (route, token) to the emulator.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const FROM = Date.parse('2026-11-24T00:00:00Z');
const TO = Date.parse('2026-11-25T00:00:00Z');
const HOUR = 3_600_000;

const USAGE = `query Usage($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: APIUsageOverTimeFilter) {
  getAPIUsageOverTime(timeFilter: $timeFilter, apiUsageOvertimeFilter: $filter, dataFilter: $dataFilter) {
    apiId usage { timeSpan count }
  }
}`;

function request(targets: ChoreoQuery[]): DataQueryRequest<ChoreoQuery> {
  return panelRequest(targets, { requestId: 'gql', maxDataPoints: 100, startTime: NOW, from: FROM, to: TO });
}

describe('GraphQL mode, variables and annotations through the proxy against the emulator', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      now: () => NOW,
      jsonData: { defaultEnvironmentId: ENV_IDS.production },
      variables: { env: ENV_IDS.production, apis: [APIS[0].id, APIS[2].id], limit: '3' },
    });
  });
  afterAll(() => stack.close());

  const gql = (graphql: ChoreoQuery['graphql']): ChoreoQuery => ({ refId: 'A', queryType: QueryType.GraphQL, graphql });

  it('runs a hand-written query with a filled DataFilter/TimeFilter and maps series by label', async () => {
    const ds = stack.dataSource();
    const res = await lastValueFrom(
      ds.query(
        request([
          gql({
            query: USAGE,
            variables: '{"filter": {"apiIds": ["$apis"]}}',
            dataPath: 'getAPIUsageOverTime.usage',
            labelFields: ['apiId'],
            displayName: '{{apiId}}',
          }),
        ])
      )
    );
    const { data, error } = res as unknown as {
      data: Array<{
        fields: Array<{ name: string; type: FieldType; values: unknown[]; labels?: Record<string, string> }>;
        meta?: { executedQueryString?: string };
      }>;
      error?: unknown;
    };
    expect(error).toBeUndefined();
    expect(data.length).toBeGreaterThan(0);
    for (const frame of data) {
      expect(frame.fields[0]).toMatchObject({ name: 'timeSpan', type: FieldType.time });
      const times = frame.fields[0].values as number[];
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.every((t) => t >= FROM - HOUR && t <= TO)).toBe(true);
    }
    const executed = data[0].meta?.executedQueryString ?? '';
    expect(executed).toContain(`"environmentId": "${ENV_IDS.production}"`);
    expect(executed).toContain(APIS[2].id);
    expect(stack.proxy.stats.unmatchedRequests).toBe(0);
  });

  it('sends nothing for an invalid document and reports where it is wrong', async () => {
    const ds = stack.dataSource();
    const before = stack.browser.requests.length;
    const res = (await lastValueFrom(
      ds.query(request([gql({ query: '{ listAllAPI(dataFilter: {orgId: "o", tenant: "t"}) { nope } }' })]))
    )) as {
      error?: { message: string };
      errors?: Array<{ message: string }>;
    };
    const message = res.error?.message ?? res.errors?.[0]?.message;
    expect(message).toMatch(/Cannot query field "nope" on type "API".*\(line 1, column 55\)/);
    // Only the one-off introspection may have been sent, never the invalid query.
    const sent = stack.browser.requests.slice(before).map((r) => r.body ?? '');
    expect(sent.every((body) => body.includes('IntrospectionQuery'))).toBe(true);
  });

  it('lists template variable values: environments and APIs', async () => {
    const ds = stack.dataSource();
    const run = async (q: VariableQuery) => {
      const variables = ds.variables as ChoreoVariableSupport;
      const res = await lastValueFrom(variables.query({ ...request([]), targets: [q] }));
      const frame = (res as { data: Array<{ fields: Array<{ name: string; values: string[] }> }> }).data[0];
      return frame.fields[0].values.map((text, i) => ({ text, value: frame.fields[1].values[i] }));
    };
    const envs = await run({ refId: 'v', list: 'environments' });
    expect(envs.map((e) => e.text)).toEqual(expect.arrayContaining(['Development', 'Staging', 'Production']));
    expect(envs.find((e) => e.text === 'Production')?.value).toBe(ENV_IDS.production);
    const apis = await run({ refId: 'v', list: 'apis', environmentId: '$env' });
    expect(apis).toEqual(expect.arrayContaining([{ text: `${APIS[0].name} ${APIS[0].version}`, value: APIS[0].id }]));
  });

  it('turns alerts into annotation events with exact times and tags', async () => {
    const ds = stack.dataSource();
    const anno = { enable: true, name: 'Alerts', iconColor: 'red', target: { refId: 'Anno' } };
    const target = ds.annotations!.prepareQuery!(anno as never) as ChoreoQuery;
    expect(target).toEqual(alertAnnotationTarget({ refId: 'Anno' }));
    const res = await lastValueFrom(ds.query(request([target])));
    expect(res.errors).toBeUndefined();
    const events = await lastValueFrom(ds.annotations!.processEvents!(anno as never, res.data));
    expect(events?.length).toBeGreaterThan(0);
    for (const e of events ?? []) {
      expect(typeof e.time).toBe('number');
      expect(e.time).toBeGreaterThanOrEqual(FROM - 86_400_000);
      expect(e.tags).toEqual(expect.arrayContaining([expect.stringMatching(/^(TRAFFIC|LATENCY)$/)]));
      expect(e.text).toBeTruthy();
    }
  });
});

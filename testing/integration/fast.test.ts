import { dateTime } from '@grafana/data';

import { ENV_IDS } from '../../emulator/demo';
import { schemaProviderFor } from '../../src/graphql/schemaProvider';
import { QueryType, type ChoreoQuery } from '../../src/types';
import { FROM, NOW, panel, panelRequest, query, TARGETS, TO, values } from './fastHelpers';
import { startStack, type Stack } from '../stack/startStack';

// "Fast": batching, deduplication, cancellation and caching, proven by counting requests at the
// browser (TestBackendSrv) and at the emulator, through the real DataSource and proxy.

interface Body {
  query: string;
  operationName: string;
}

describe('Fast: one POST per panel, shared and cancelled requests, cached lists and results', () => {
  let stack: Stack;

  beforeEach(async () => {
    // Batching per panel, the client's sharing and caches: coalescing across panels (on by
    // default) has its own spec, coalescing.test.ts.
    stack = await startStack({
      now: () => NOW,
      jsonData: { defaultEnvironmentId: ENV_IDS.production, coalesceRequests: false },
    });
  });
  afterEach(() => stack.close());

  /** A data source whose metadata (API names) is loaded, with counters reset after. */
  async function warmDataSource(ttlSeconds?: number) {
    if (ttlSeconds !== undefined) {
      stack.save({ resultCacheTtlSeconds: ttlSeconds });
    }
    const ds = stack.dataSource();
    await ds.metadata.apis(ENV_IDS.production);
    // Hand-written queries are validated against the API's schema, fetched once per instance.
    await schemaProviderFor(ds.client).get();
    stack.emulator.resetStats();
    stack.browser.requests.length = 0;
    return ds;
  }
  const bodies = () => stack.browser.requests.map((r) => JSON.parse(r.body ?? '{}') as Body);

  it('sends all targets of a panel as one document in one POST, with the frames each would get alone', async () => {
    const ds = await warmDataSource();
    const batched = await query(ds, panelRequest(TARGETS));
    expect(batched.errors).toBeUndefined();
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(stack.browser.requests).toHaveLength(1);
    expect(bodies()[0].operationName).toBe('Batch_OverviewTotalTraffic_RequestSummary_ApiUsage_ErrorsByCategory');
    // Every top-level field of every target ran in that one request.
    expect(stack.emulator.stats.graphqlOperations).toBeGreaterThanOrEqual(TARGETS.length);

    const alone = [];
    for (const [i, t] of TARGETS.entries()) {
      alone.push(...(await query(ds, panelRequest([t], { panelId: 100 + i }))).data);
    }
    expect(stack.emulator.stats.graphqlRequests).toBe(1 + TARGETS.length);
    expect(values(batched.data)).toEqual(values(alone));
  });

  it('keeps an error in the target that caused it; the other target keeps its data', async () => {
    const ds = await warmDataSource();
    const failing: ChoreoQuery = {
      refId: 'B',
      queryType: QueryType.GraphQL,
      // The API's getOverallLatencyByAPI fails server-side (see NOTES.md); the emulator mirrors it.
      graphql: {
        query:
          'query Slow($dataFilter: DataFilter!, $timeFilter: TimeFilter!) { getOverallLatencyByAPI(dataFilter: $dataFilter, timeFilter: $timeFilter) { apiId } }',
      },
    };
    const res = await query(ds, panelRequest([TARGETS[0], failing]));
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(res.data.map((f) => f.refId)).toEqual(['A']);
    expect(res.errors?.map((e) => e.refId)).toEqual(['B']);
  });

  it('sends a hand-written document with fragments on its own, beside the batch', async () => {
    const ds = await warmDataSource();
    const withFragment: ChoreoQuery = {
      refId: 'F',
      queryType: QueryType.GraphQL,
      graphql: {
        query:
          'query Envs($org: OrgFilter!) { listEnvironments(org: $org) { ...E } } fragment E on Environment { id name }',
        variables: '{"org": {"orgId": "$__orgId"}}',
        dataPath: 'listEnvironments',
      },
    };
    const res = await query(ds, panelRequest([TARGETS[0], TARGETS[1], withFragment]));
    expect(stack.emulator.stats.graphqlRequests).toBe(2);
    expect(
      bodies()
        .map((b) => b.operationName)
        .sort()
    ).toEqual(['Batch_OverviewTotalTraffic_RequestSummary', 'Envs']);
    expect(res.errors).toBeUndefined();
    expect(new Set(res.data.map((f) => f.refId))).toEqual(new Set(['A', 'B', 'F']));
  });

  it('shares one HTTP call between panels asking the same thing at the same time', async () => {
    const ds = await warmDataSource();
    const [a, b, c] = await Promise.all([
      query(ds, panelRequest(TARGETS, { panelId: 1 })),
      query(ds, panelRequest(TARGETS, { panelId: 2 })),
      query(ds, panelRequest(TARGETS.slice(0, 2), { panelId: 3 })),
    ]);
    expect(stack.browser.requests).toHaveLength(2);
    expect(stack.emulator.stats.graphqlRequests).toBe(2);
    expect(values(a.data)).toEqual(values(b.data));
    expect(c.data.length).toBeGreaterThan(0);
  });

  it('cancels a superseded run of a panel (Grafana unsubscribes it); only the newer run answers', async () => {
    const ds = await warmDataSource();
    stack.emulator.setFaults({ latencyMs: 300 });
    const p = panel();
    const older = p.run(ds.query(panelRequest(TARGETS)));
    await new Promise((r) => setTimeout(r, 50));
    const range = { from: dateTime(FROM - 86_400_000), to: dateTime(TO), raw: { from: 'now-2d', to: 'now' } };
    const newer = p.run(ds.query(panelRequest(TARGETS, { range })));
    const [first, second] = await Promise.all([older, newer]);
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
    expect(second[0].errors).toBeUndefined();
    // The newer run's 48 hourly buckets, not the older run's 24.
    expect(second[0].data.find((f) => f.refId === 'B')?.length).toBe(48);
    expect(stack.browser.requests).toHaveLength(2);
  });

  it('a run repeated while the identical request is in flight joins it: one POST', async () => {
    const ds = await warmDataSource();
    stack.emulator.setFaults({ latencyMs: 200 });
    const p = panel();
    const older = p.run(ds.query(panelRequest(TARGETS)));
    await new Promise((r) => setTimeout(r, 50));
    const newer = p.run(ds.query(panelRequest(TARGETS)));
    const [first, second] = await Promise.all([older, newer]);
    expect(first).toEqual([]);
    expect(second[0].data.length).toBeGreaterThan(0);
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
  });

  it('stops the HTTP call when Grafana unsubscribes before the answer', async () => {
    const ds = await warmDataSource();
    stack.emulator.setFaults({ latencyMs: 300 });
    const emitted: unknown[] = [];
    const sub = ds.query(panelRequest(TARGETS)).subscribe((r) => emitted.push(r));
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    await new Promise((r) => setTimeout(r, 400));
    expect(emitted).toEqual([]);
    // Sent once, and not sent again by a retry: the next run starts afresh.
    expect(stack.browser.requests).toHaveLength(1);
    stack.emulator.clearFaults();
    const again = await query(ds, panelRequest(TARGETS));
    expect(again.data.length).toBeGreaterThan(0);
    expect(stack.browser.requests).toHaveLength(2);
  });

  it('loads metadata lists once per instance, not per panel run', async () => {
    stack.save({ defaultEnvironmentId: '' });
    const ds = stack.dataSource();
    stack.emulator.resetStats();
    const usage = [TARGETS[2]];
    for (let i = 0; i < 3; i++) {
      await query(ds, panelRequest(usage, { panelId: i }));
    }
    // listEnvironments + listAllAPI once, then one batch per run.
    expect(stack.emulator.stats.graphqlRequests).toBe(2 + 3);
    const lists = bodies().filter((b) => b.operationName.startsWith('List'));
    expect(lists.map((b) => b.operationName).sort()).toEqual(['ListApis', 'ListEnvironments']);
  });

  it('reuses a successful answer within the configured result cache TTL', async () => {
    const ds = await warmDataSource(60);
    const first = await query(ds, panelRequest(TARGETS));
    const second = await query(ds, panelRequest(TARGETS, { panelId: 2 }));
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(values(second.data)).toEqual(values(first.data));
    // Other variables (another time range) are another entry.
    const range = { from: dateTime(FROM - 3_600_000), to: dateTime(TO), raw: { from: 'a', to: 'b' } };
    await query(ds, panelRequest(TARGETS, { range }));
    expect(stack.emulator.stats.graphqlRequests).toBe(2);
  });

  it('without a TTL every refresh asks the API', async () => {
    const ds = await warmDataSource();
    await query(ds, panelRequest(TARGETS));
    await query(ds, panelRequest(TARGETS));
    expect(stack.emulator.stats.graphqlRequests).toBe(2);
  });
});

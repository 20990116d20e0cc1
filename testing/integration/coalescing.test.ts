import { dateTime, type DataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { lastValueFrom, type Subscription } from 'rxjs';

import { ENV_IDS, APIS } from '../../emulator/demo';
import type { DataSource } from '../../src/datasource';
import { QueryType, type ChoreoQuery } from '../../src/types';
import { panelRequest } from '../fakes/panelRequest';
import { startStack, type Stack } from '../stack/startStack';

// Coalescing across panels, counted at the emulator: panels that start in the same moment share
// one POST; each keeps its own frames, errors and cancellation.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;

function panel(panelId: number, targets: Array<Partial<ChoreoQuery>>): DataQueryRequest<ChoreoQuery> {
  return panelRequest(targets, { requestId: `Q${panelId}`, panelId, from: NOW - 24 * HOUR, to: NOW });
}

const PANELS: Array<Array<Partial<ChoreoQuery>>> = [
  [{ queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' }],
  [{ queryType: QueryType.OverviewKpi, kpi: 'errorRate' }],
  [{ queryType: QueryType.RequestSummary }],
  [{ queryType: QueryType.ApiUsage }, { queryType: QueryType.TopPlatforms }],
  [{ queryType: QueryType.ErrorsByStatusCode, errorType: 'PROXY' }],
];

const names = (r: DataQueryResponse) =>
  (r.data as DataFrame[]).map((f) => f.fields.map((x) => x.config.displayNameFromDS ?? x.name).join(','));

describe('Coalescing: panels started together share one POST', () => {
  let stack: Stack;
  let ds: DataSource;
  beforeEach(async () => {
    stack = await startStack({ now: () => NOW, jsonData: { defaultEnvironmentId: ENV_IDS.production } });
    ds = stack.dataSource();
    // Lists for names are loaded once per instance; count what a refresh costs.
    await ds.metadata.apis(ENV_IDS.production);
    stack.emulator.resetStats();
  });
  afterEach(() => stack.close());

  it('five panels at once: one request, every panel its own frames, as when each runs alone', async () => {
    const together = await Promise.all(PANELS.map((t, i) => lastValueFrom(ds.query(panel(i + 1, t)))));
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(together.every((r) => !r.errors)).toBe(true);
    const alone = [];
    for (const [i, t] of PANELS.entries()) {
      alone.push(await lastValueFrom(stack.dataSource({ coalesceRequests: false }).query(panel(i + 1, t))));
    }
    expect(together.map(names)).toEqual(alone.map(names));
    expect(together.map((r) => (r.data as DataFrame[]).map((f) => f.fields.map((x) => [...x.values])))).toEqual(
      alone.map((r) => (r.data as DataFrame[]).map((f) => f.fields.map((x) => [...x.values])))
    );
  });

  it('the API-name lookup of a fresh instance travels in the same document', async () => {
    const fresh = stack.dataSource();
    stack.emulator.resetStats();
    const res = await lastValueFrom(fresh.query(panel(1, [{ queryType: QueryType.ApiUsage }])));
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(names(res)[0]).toContain('Orders API v1');
  });

  it('a panel cancelled before the window closes loses only its part', async () => {
    const subs: Subscription[] = [];
    const got: DataQueryResponse[] = [];
    subs.push(ds.query(panel(1, PANELS[0])).subscribe((r) => got.push(r)));
    const second = lastValueFrom(ds.query(panel(2, PANELS[2])));
    subs[0].unsubscribe();
    const r = await second;
    expect(r.errors).toBeUndefined();
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    // The cancelled panel's field was not asked for.
    expect(stack.emulator.stats.graphqlOperations).toBe(3);
    expect(got).toEqual([]);
  });

  it('a panel cancelled after the POST left does not cancel the others', async () => {
    stack.emulator.setFaults({ latencyMs: 200, onlyPath: '/93tu/' });
    const first = ds.query(panel(1, PANELS[0])).subscribe();
    const second = lastValueFrom(ds.query(panel(2, PANELS[2])));
    await new Promise((r) => setTimeout(r, 80));
    first.unsubscribe();
    const r = await second;
    expect(r.errors).toBeUndefined();
    expect(names(r)).toEqual(['Time,Success,Errors,Latency (p95)']);
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
  });

  it("an answer one panel cannot read stays that panel's error", async () => {
    stack.emulator.setFaults({ patch: { getTopPlatforms: 'oops' }, onlyPath: '/93tu/' });
    const [a, b] = await Promise.all([
      lastValueFrom(ds.query(panel(1, [{ queryType: QueryType.TopPlatforms }]))),
      lastValueFrom(ds.query(panel(2, PANELS[2]))),
    ]);
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(a.errors?.map((e) => e.message)).toEqual([
      'The Insights API answered `getTopPlatforms` with a string where a list was expected.',
    ]);
    expect(b.errors).toBeUndefined();
  });

  it('more than 64 top-level fields are split into several POSTs', async () => {
    // 30 panels of 3 fields each (the request summary, each over its own range): 90 fields → 2 POSTs.
    const runs = Array.from({ length: 30 }, (_, i) => {
      const r = panel(i + 1, [{ queryType: QueryType.RequestSummary }]);
      const from = dateTime(NOW - 24 * HOUR - i * 60_000);
      return lastValueFrom(ds.query({ ...r, range: { ...r.range, from, raw: { ...r.range.raw, from } } }));
    });
    const results = await Promise.all(runs);
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(stack.emulator.stats.graphqlRequests).toBe(2);
    expect(stack.emulator.stats.graphqlOperations).toBe(90);
  });

  it('with coalescing off, each panel is its own POST', async () => {
    const off = stack.dataSource({ coalesceRequests: false });
    await off.metadata.apis(ENV_IDS.production);
    stack.emulator.resetStats();
    await Promise.all(PANELS.map((t, i) => lastValueFrom(off.query(panel(i + 1, t)))));
    expect(stack.emulator.stats.graphqlRequests).toBe(PANELS.length);
  });

  it('identical requests of two panels are asked once', async () => {
    const q = [{ queryType: QueryType.ApiUsage, apiIds: [APIS[0].id] }];
    await Promise.all([lastValueFrom(ds.query(panel(1, q))), lastValueFrom(ds.query(panel(2, q)))]);
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(stack.emulator.stats.graphqlOperations).toBe(1);
  });
});

import { dateTime, FieldType, type DataFrame, type DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { APIS, DEMO_CREDENTIALS, ENV_IDS, TENANT } from '../../emulator/demo';
import { QueryType, type ChoreoQuery } from '../../src/types';
import { panelRequest } from '../fakes/panelRequest';
import { startStack, type Stack } from '../stack/startStack';

// Builder queries end to end: the real DataSource, through the Grafana-faithful proxy (plugin.json
// route, token exchange) to the emulator's deterministic data. Values are checked against each
// other (KPIs vs series, categories vs errors) and against the emulator's demo catalogue.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const FROM = Date.parse('2026-11-24T00:00:00Z');
const TO = Date.parse('2026-11-25T00:00:00Z');
const HOUR = 3_600_000;
const ORDERS = APIS[0];
const displayName = (api: { name: string; version: string }) => `${api.name} ${api.version}`;
const sum = (xs: unknown[]) => xs.reduce<number>((a, x) => a + (typeof x === 'number' ? x : 0), 0);

interface Sent {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

describe('Builder queries through the proxy against the emulator', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      now: () => NOW,
      // Each type's own request, unmerged: coalescing across panels has its own spec.
      jsonData: { defaultEnvironmentId: ENV_IDS.production, coalesceRequests: false },
      variables: { env: ENV_IDS.production, apis: [ORDERS.id, APIS[2].id] },
    });
  });
  afterAll(() => stack.close());

  async function run(target: Partial<ChoreoQuery>, over: Partial<DataQueryRequest<ChoreoQuery>> = {}) {
    const ds = stack.dataSource();
    const before = stack.browser.requests.length;
    const res = await lastValueFrom(
      ds.query(panelRequest([target], { requestId: 'it', maxDataPoints: 100, from: FROM, to: TO, ...over }))
    );
    const sent: Sent[] = stack.browser.requests
      .slice(before)
      .map((r) => JSON.parse(r.body ?? '{}') as Sent)
      .filter((b) => !b.operationName.startsWith('List'));
    return { frames: res.data as DataFrame[], errors: res.errors ?? [], sent };
  }

  const field = (f: DataFrame, name: string) => {
    const x = f.fields.find((y) => y.name === name);
    if (!x) {
      throw new Error(`no ${name} in ${f.fields.map((y) => y.name)}`);
    }
    return x;
  };
  const vals = (f: DataFrame, name: string) => [...field(f, name).values];

  const SCOPE = {
    timeFilter: { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
    dataFilter: { orgId: DEMO_CREDENTIALS.orgUuid, tenant: TENANT, environmentId: ENV_IDS.production },
  };
  const HOURS = Array.from({ length: 24 }, (_, i) => FROM + i * HOUR);

  it('Overview KPIs agree with the request summary series', async () => {
    const traffic = await run({ queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' });
    expect(traffic.errors).toEqual([]);
    expect(traffic.sent).toEqual([
      expect.objectContaining({ operationName: 'OverviewTotalTraffic', variables: SCOPE }),
    ]);
    const errors = await run({ queryType: QueryType.OverviewKpi, kpi: 'errorCount' });
    const rate = await run({ queryType: QueryType.OverviewKpi, kpi: 'errorRate' });
    const latency = await run({ queryType: QueryType.OverviewKpi, kpi: 'latencyP95' });
    const summary = await run({ queryType: QueryType.RequestSummary });

    const total = vals(traffic.frames[0], 'Total Traffic')[0] as number;
    const errorCount = vals(errors.frames[0], 'Error Request Count')[0] as number;
    expect(total).toBeGreaterThan(1000);
    expect(errorCount).toBeGreaterThan(0);
    expect(vals(rate.frames[0], 'Error Rate')[0]).toBeCloseTo((errorCount / total) * 100, 10);
    expect(field(rate.frames[0], 'Error Rate').config.unit).toBe('percent');
    expect(field(latency.frames[0], '95th Percentile Latency').config.unit).toBe('ms');
    expect(vals(latency.frames[0], '95th Percentile Latency')[0]).toBeGreaterThan(0);

    const s = summary.frames[0];
    expect(summary.sent[0].variables).toEqual({ ...SCOPE, granularity: '1h', latencyFilter: { granularity: '1h' } });
    expect(s.meta?.type).toBe('timeseries-wide');
    expect(vals(s, 'Time')).toEqual(HOURS);
    expect(sum(vals(s, 'Success')) + sum(vals(s, 'Errors'))).toBe(total);
    expect(sum(vals(s, 'Errors'))).toBe(errorCount);
    expect(field(s, 'Latency').config).toMatchObject({ unit: 'ms', custom: { axisPlacement: 'right' } });
    expect(s.meta?.executedQueryString).toContain('query RequestSummary(');
  });

  it('ApiUsage: a series per API named from listAllAPI, summing to total traffic', async () => {
    const { frames, sent } = await run({ queryType: QueryType.ApiUsage });
    const traffic = await run({ queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' });
    expect(sent[0].variables).toEqual({ ...SCOPE, filter: { granularity: '1h' } });
    const f = frames[0];
    const names = f.fields.slice(1).map((x) => x.config.displayNameFromDS);
    expect(names).toEqual(expect.arrayContaining([displayName(ORDERS), displayName(APIS[2])]));
    expect(names).not.toContain(ORDERS.id);
    expect(f.fields.slice(1).every((x) => x.type === FieldType.number && x.config.unit === 'short')).toBe(true);
    const all = f.fields.slice(1).reduce((a, x) => a + sum([...x.values]), 0);
    expect(all).toBe(vals(traffic.frames[0], 'Total Traffic')[0]);
  });

  it('ApiUsage with a multi-value API variable sends both ids; composite ids still get names', async () => {
    const { frames, sent } = await run({ queryType: QueryType.ApiUsage, apiIds: ['$apis'], appIds: [] });
    expect((sent[0].variables.filter as { apiIds: string[] }).apiIds).toEqual([ORDERS.id, APIS[2].id]);
    expect(
      frames[0].fields
        .slice(1)
        .map((x) => x.config.displayNameFromDS)
        .sort()
    ).toEqual([displayName(ORDERS), displayName(APIS[2])].sort());
  });

  it('UsageByApplication and UsageByBackend name series by application and backend', async () => {
    const apps = await run({ queryType: QueryType.UsageByApplication });
    expect(apps.errors).toEqual([]);
    expect(apps.frames[0].fields.slice(1).map((x) => x.config.displayNameFromDS)).toEqual(
      expect.arrayContaining(['Web Storefront', 'Mobile App'])
    );
    const backends = await run({ queryType: QueryType.UsageByBackend, apiIds: [ORDERS.id] });
    expect(backends.sent[0].variables.filter).toEqual({ apiIds: [ORDERS.id], granularity: '1h' });
    expect(backends.frames[0].fields.slice(1).map((x) => x.config.displayNameFromDS)).toEqual([ORDERS.backend]);
  });

  it('ResourceUsage: one request for up to 1000 rows, stops at maxRows with a notice', async () => {
    const all = await run({ queryType: QueryType.ResourceUsage });
    expect(all.sent.map((s) => (s.variables.filter as { paginationFilter: unknown }).paginationFilter)).toEqual([
      { limit: 1000, offset: 0, sortOrder: 'desc' },
    ]);
    const rows = all.frames[0].length;
    expect(rows).toBeGreaterThan(10);
    expect(all.frames[0].fields.map((x) => [x.name, x.type])).toEqual([
      ['API', 'string'],
      ['API ID', 'string'],
      ['Resource', 'string'],
      ['Method', 'string'],
      ['Hits', 'number'],
    ]);
    expect(vals(all.frames[0], 'API')).toContain(displayName(ORDERS));
    const capped = await run({ queryType: QueryType.ResourceUsage, maxRows: 7 });
    expect(capped.sent.map((s) => (s.variables.filter as { paginationFilter: unknown }).paginationFilter)).toEqual([
      { limit: 7, offset: 0, sortOrder: 'desc' },
    ]);
    expect(capped.frames[0].length).toBe(7);
    expect(capped.frames[0].meta?.notices?.[0].text).toBe(
      `Showing the first 7 of ${rows} rows: raise "Max rows" to see more.`
    );
  });

  it('Errors by category and by status class add up to the error series', async () => {
    const summary = await run({ queryType: QueryType.RequestSummary });
    const errorsPerHour = vals(summary.frames[0], 'Errors');
    const cat = await run({ queryType: QueryType.ErrorsByCategory });
    expect(cat.sent[0].variables).toEqual({ ...SCOPE, filter: { granularity: '1h' } });
    const c = cat.frames[0];
    expect(vals(c, 'Time')).toEqual(HOURS);
    const byHour = HOURS.map((_, i) =>
      ['Authentication', 'Target Connectivity', 'Throttling', 'Other'].reduce(
        (a, n) => a + ((vals(c, n)[i] as number) ?? 0),
        0
      )
    );
    expect(byHour).toEqual(errorsPerHour);
    const cls = await run({ queryType: QueryType.ErrorsByStatusClass });
    const p = cls.frames[0];
    expect(HOURS.map((_, i) => (vals(p, 'Proxy 4xx')[i] as number) + (vals(p, 'Proxy 5xx')[i] as number))).toEqual(
      errorsPerHour
    );
  });

  it('ErrorsByStatusCode: one row per API, a column per code', async () => {
    const { frames, sent, errors } = await run({ queryType: QueryType.ErrorsByStatusCode, errorType: 'TARGET' });
    expect(errors).toEqual([]);
    expect(sent[0].variables.filter).toEqual({ errorType: 'TARGET', paginationFilter: { limit: 1000, offset: 0 } });
    const f = frames[0];
    expect(f.meta?.type).toBe('numeric-long');
    expect(field(f, 'API').type).toBe(FieldType.string);
    expect(vals(f, 'API')).toContain(displayName(ORDERS));
    expect(field(f, 'API ID').type).toBe(FieldType.string);
    expect(vals(f, 'API ID')).toContain(ORDERS.id);
    expect(f.fields[1].name).toBe('API ID');
    expect(
      f.fields
        .slice(2)
        .map((x) => x.name)
        .every((n) => /^[45]\d\d$/.test(n))
    ).toBe(true);
  });

  it('ErrorDetails: a table with time, API, application, reason, count', async () => {
    const { frames, errors } = await run({
      queryType: QueryType.ErrorDetails,
      errorCategories: ['AUTH'],
      sortBy: 'count',
      sortOrder: 'desc',
    });
    expect(errors).toEqual([]);
    const f = frames[0];
    expect(f.fields.map((x) => x.name)).toEqual(['Time', 'API', 'API ID', 'Application', 'Reason', 'Count']);
    expect(f.length).toBeGreaterThan(0);
    const counts = vals(f, 'Count') as number[];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((vals(f, 'Time') as number[]).every((t) => t >= FROM - HOUR && t < TO)).toBe(true);
  });

  it('Latency: top slowest APIs as name + ms; one API over time', async () => {
    const top = await run({ queryType: QueryType.TopSlowestApis, limit: 3 });
    expect(top.sent[0].variables).toEqual({ ...SCOPE, limit: 3 });
    const f = top.frames[0];
    expect(f.length).toBe(3);
    const lat = vals(f, 'Latency') as number[];
    expect(lat).toEqual([...lat].sort((a, b) => b - a));
    expect(APIS.map(displayName)).toEqual(expect.arrayContaining(vals(f, 'API') as string[]));

    const one = await run({ queryType: QueryType.ApiLatency, apiIds: [ORDERS.id] });
    expect(one.sent[0].variables.filter).toEqual({ apiId: ORDERS.id, granularity: '1h' });
    const l = one.frames[0];
    expect(vals(l, 'Time')).toEqual(HOURS);
    const p95 = vals(l, 'Total p95') as number[];
    const median = vals(l, 'Total median') as number[];
    expect(p95.every((v, i) => v >= median[i])).toBe(true);
    expect(field(l, 'Backend p95').config.unit).toBe('ms');
  });

  it('Cache: hits, misses and hit % agree', async () => {
    const { frames } = await run({ queryType: QueryType.Cache, apiIds: [ORDERS.id] });
    const f = frames[0];
    const i = (vals(f, 'Hits') as number[]).findIndex((h) => h > 0);
    const hits = vals(f, 'Hits')[i] as number;
    const misses = vals(f, 'Misses')[i] as number;
    expect(vals(f, 'Hit %')[i]).toBeCloseTo((hits / (hits + misses)) * 100, 0);
  });

  it('Devices: top platforms and user agents, nine plus Other', async () => {
    const p = await run({ queryType: QueryType.TopPlatforms });
    expect(field(p.frames[0], 'Platform').type).toBe(FieldType.string);
    expect((vals(p.frames[0], 'Platform') as string[]).length).toBeLessThanOrEqual(10);
    const u = await run({ queryType: QueryType.TopUserAgents });
    expect(sum(vals(u.frames[0], 'Hits'))).toBe(sum(vals(p.frames[0], 'Hits')));
  });

  it('Alerts: summary table and top APIs by alert count', async () => {
    const range = { from: dateTime(NOW - 30 * 24 * HOUR), to: dateTime(NOW) };
    const alerts = await run(
      { queryType: QueryType.AlertSummary },
      { range: { ...range, raw: range }, intervalMs: 24 * HOUR }
    );
    expect(alerts.errors).toEqual([]);
    const a = alerts.frames[0];
    expect(a.fields.map((x) => x.name)).toEqual(['Time', 'API', 'API ID', 'Category', 'Metric', 'Severity', 'Message']);
    expect(APIS.map((x) => x.id)).toEqual(expect.arrayContaining([...new Set(vals(a, 'API ID') as string[])]));
    expect(a.length).toBeGreaterThan(0);
    expect(APIS.map(displayName)).toEqual(expect.arrayContaining([...new Set(vals(a, 'API') as string[])]));
    const top = await run(
      { queryType: QueryType.TopApisByAlertCount, limit: 2 },
      { range: { ...range, raw: range }, intervalMs: 24 * HOUR }
    );
    expect(top.frames[0].length).toBeLessThanOrEqual(2);
    expect(APIS.map(displayName)).toEqual(expect.arrayContaining(vals(top.frames[0], 'API') as string[]));
  });

  it('CustomReport: top APIs by hits over time with a concrete granularity', async () => {
    const { frames, sent, errors } = await run({
      queryType: QueryType.CustomReport,
      granularity: 'auto',
      customReport: { mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'], groupByValues: [] },
    });
    expect(errors).toEqual([]);
    expect(sent[0].variables).toMatchObject({
      metric: 'HIT_COUNT',
      groupByFields: ['API_NAME'],
      groupByValues: [],
      granularity: '1h',
    });
    expect(frames[0].fields.length).toBeGreaterThan(1);
    expect(APIS.map((x) => x.name)).toEqual(
      expect.arrayContaining(frames[0].fields.slice(1).map((x) => x.config.displayNameFromDS))
    );
  });

  it('Lists: environments and APIs as tables', async () => {
    const envs = await run({ queryType: QueryType.List, list: 'environments' });
    expect(vals(envs.frames[0], 'Name')).toEqual(['Development', 'Staging', 'Production']);
    const apis = await run({ queryType: QueryType.List, list: 'apis', environmentId: '$env' });
    expect(vals(apis.frames[0], 'Name')).toContain('Orders API');
  });

  it('a bad target fails alone; the others return data', async () => {
    const ds = stack.dataSource();
    const res = await lastValueFrom(
      ds.query(
        panelRequest(
          [
            { refId: 'A', queryType: QueryType.ApiLatency },
            { refId: 'B', queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' },
            { refId: 'C', queryType: QueryType.OverviewKpi, environmentId: 'no-such-env' },
          ],
          { requestId: 'it2', maxDataPoints: 100, from: FROM, to: TO }
        )
      )
    );
    expect(res.errors).toEqual([{ refId: 'A', message: 'Choose an API: latency is shown for one API at a time.' }]);
    expect(res.data.map((f: DataFrame) => f.refId)).toEqual(['B', 'C']);
  });
});

describe('Paging against a server that caps the page size', () => {
  let stack: Stack;
  const CAP = 5;

  beforeAll(async () => {
    stack = await startStack({
      now: () => NOW,
      variables: { env: ENV_IDS.production, apis: [ORDERS.id] },
      // Pages counted one POST each: coalescing would merge pages asked for together.
      jsonData: { defaultEnvironmentId: ENV_IDS.production, coalesceRequests: false },
      maxPageSize: CAP,
    });
  });
  afterAll(() => stack.close());

  it("pages by the server's size after one short page, and only then", async () => {
    const ds = stack.dataSource();
    const query = (target: Partial<ChoreoQuery>) =>
      lastValueFrom(ds.query(panelRequest([target], { requestId: 'cap', maxDataPoints: 100, from: FROM, to: TO })));
    // Warm the API name lookup so the counts below are the query's own requests.
    await query({ queryType: QueryType.ResourceUsage, maxRows: 1 });
    const before = stack.emulator.stats.graphqlRequests;
    const res = await query({ queryType: QueryType.ResourceUsage });
    const requests = stack.emulator.stats.graphqlRequests - before;
    const rows = (res.data[0] as DataFrame).length;
    expect(rows).toBeGreaterThan(CAP);
    expect(requests).toBe(Math.ceil(rows / CAP));
    expect((res.data[0] as DataFrame).meta?.notices ?? []).toEqual([]);

    const capped = await query({ queryType: QueryType.ResourceUsage, maxRows: 7 });
    expect((capped.data[0] as DataFrame).length).toBe(7);
    expect((capped.data[0] as DataFrame).meta?.notices?.[0].text).toBe(
      `Showing the first 7 of ${rows} rows: raise "Max rows" to see more.`
    );
  });
});

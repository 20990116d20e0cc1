/** @jest-environment node */
import { APIS, APPLICATIONS, DEMO_CREDENTIALS, ENV_IDS, TENANT, compositeApiId } from './demo';
import { Emulator, startEmulator } from './server';
import { NOW, PROD_FILTER, demoToken, gql, pick } from './testUtils';

let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, now: () => NOW });
  token = await demoToken(emu);
});
afterAll(() => emu.close());

const DAY_TF = { from: '2024-03-14T00:00:00Z', to: '2024-03-15T00:00:00Z' };
const WEEK_TF = { from: '2024-03-08T00:00:00Z', to: '2024-03-15T00:00:00Z' };
const envFilter = (environmentId: string) => ({ orgId: DEMO_CREDENTIALS.orgUuid, environmentId, tenant: TENANT });

interface Series<T> {
  granularity: string;
  summary: T[];
}

const SUMMARIES = `query($df: DataFilter!, $tf: TimeFilter!, $g: String) {
  total: getTotalTraffic(filter: $tf, dataFilter: $df)
  errors: getTotalErrors(filter: $tf, dataFilter: $df)
  ok: getSuccessSummary(filter: $tf, dataFilter: $df, granularity: $g) { granularity summary { timeSpan requestCount } }
  ko: getErrorSummary(filter: $tf, dataFilter: $df, granularity: $g) { granularity summary { timeSpan errorCount } }
}`;

async function summaries(df: object, tf: object, g?: string) {
  const r = await gql(emu, token, SUMMARIES, { df, tf, g });
  return {
    total: pick<number>(r, 'total'),
    errors: pick<number>(r, 'errors'),
    ok: pick<Series<{ timeSpan: string; requestCount: number }>>(r, 'ok'),
    ko: pick<Series<{ timeSpan: string; errorCount: number }>>(r, 'ko'),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('time buckets', () => {
  it('renders timeSpan with 7 fraction digits and +00:00 for UTC filters', async () => {
    const s = await summaries(PROD_FILTER, DAY_TF, '1h');
    expect(s.ok.granularity).toBe('1h');
    expect(s.ok.summary[0].timeSpan).toBe('2024-03-14T00:00:00.0000000+00:00');
    for (const p of s.ok.summary) {
      expect(p.timeSpan).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.0000000\+00:00$/);
    }
  });

  it("aligns buckets and renders timeSpan in the filter's offset", async () => {
    const tf = { from: '2024-03-10T00:00:00.000+05:30', to: '2024-03-14T00:00:00.000+05:30' };
    const s = await summaries(PROD_FILTER, tf, '1d');
    expect(s.ok.summary.map((p) => p.timeSpan)).toEqual([
      '2024-03-10T00:00:00.0000000+05:30',
      '2024-03-11T00:00:00.0000000+05:30',
      '2024-03-12T00:00:00.0000000+05:30',
      '2024-03-13T00:00:00.0000000+05:30',
    ]);
  });

  it('starts 7d buckets on Mondays', async () => {
    const s = await summaries(PROD_FILTER, { from: '2024-02-01T00:00:00Z', to: '2024-03-01T00:00:00Z' }, '7d');
    expect(s.ok.summary[0].timeSpan).toBe('2024-01-29T00:00:00.0000000+00:00');
    expect(new Date(s.ok.summary[1].timeSpan).getUTCDay()).toBe(1);
  });

  it.each([
    [30 * 60_000, '1m'],
    [6 * 3_600_000, '15m'],
    [3 * 86_400_000, '1h'],
    [30 * 86_400_000, '1d'],
    [120 * 86_400_000, '7d'],
  ])('picks a default granularity for a %d ms range: %s', async (ms, g) => {
    const to = NOW - 86_400_000;
    const s = await summaries(PROD_FILTER, { from: new Date(to - ms).toISOString(), to: new Date(to).toISOString() });
    expect(s.ok.granularity).toBe(g);
  });

  it.each(['1w', '5m', '1H', 'hour', ''])('rejects granularity %p with the documented message', async (g) => {
    const r = await gql(emu, token, SUMMARIES, { df: PROD_FILTER, tf: DAY_TF, g });
    // The live API answers 400 here; the body still carries a GraphQL error.
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.message)).toContain(
      `Invalid granularity '${g}'. Supported values: 1m, 15m, 1h, 1d, 7d`
    );
  });

  it.each([
    [{ from: 'yesterday', to: '2024-03-15T00:00:00Z' }, /Invalid date-time 'yesterday'/],
    [{ from: '2024-03-15T00:00:00Z', to: '2024-03-14T00:00:00Z' }, /must be earlier/],
    [{ from: '2024-02-30T00:00:00Z', to: '2024-03-14T00:00:00Z' }, /Invalid date-time/],
  ])('rejects bad time filters %p', async (tf, msg) => {
    const r = await gql(emu, token, SUMMARIES, { df: PROD_FILTER, tf, g: '1h' });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].message).toMatch(msg);
  });

  it('treats a filter without offset as UTC and has no data after now', async () => {
    const s = await summaries(PROD_FILTER, { from: '2024-03-15T10:00:00', to: '2024-03-15T14:00:00' }, '1h');
    expect(s.ok.summary.map((p) => p.timeSpan)).toEqual([
      '2024-03-15T10:00:00.0000000+00:00',
      '2024-03-15T11:00:00.0000000+00:00',
    ]);
  });
});

describe('consistency', () => {
  it.each(['1m', '15m', '1h'])('totals equal the sums of the %s series', async (g) => {
    const tf = g === '1m' ? { from: '2024-03-14T11:00:00Z', to: '2024-03-14T13:00:00Z' } : DAY_TF;
    const s = await summaries(PROD_FILTER, tf, g);
    const ok = sum(s.ok.summary.map((p) => p.requestCount));
    const ko = sum(s.ko.summary.map((p) => p.errorCount));
    expect(s.errors).toBe(ko);
    expect(s.total).toBe(ok + ko);
    expect(ko).toBeGreaterThan(0);
  });

  it('agrees across granularities', async () => {
    const a = await summaries(PROD_FILTER, WEEK_TF, '1d');
    const b = await summaries(PROD_FILTER, WEEK_TF, '15m');
    expect(sum(a.ok.summary.map((p) => p.requestCount))).toBe(sum(b.ok.summary.map((p) => p.requestCount)));
  });

  it('splits errors into categories and proxy/target codes that add up', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) {
        ko: getErrorSummary(filter: $tf, dataFilter: $df, granularity: "1h") { summary { timeSpan errorCount } }
        cat: getErrorsByCategory(timeFilter: $tf, dataFilter: $df, errorsByCategoryFilter: {granularity: "1h"}) { errors { timeSpan auth targetConnectivity throttled other } }
        pt: getProxyTargetErrorsOverTime(timeFilter: $tf, dataFilter: $df, errorsByStatusCodeFilter: {granularity: "1h"}) { timeSpan proxy { _4xx _5xx total } target { _4xx _5xx total } }
      }`,
      { df: PROD_FILTER, tf: DAY_TF }
    );
    const ko = new Map(
      pick<Series<{ timeSpan: string; errorCount: number }>>(r, 'ko').summary.map((p) => [p.timeSpan, p.errorCount])
    );
    const cats = pick<{ errors: Array<Record<string, number> & { timeSpan: string }> }>(r, 'cat').errors;
    expect(cats.length).toBe(ko.size);
    for (const c of cats) {
      expect(c.auth + c.targetConnectivity + c.throttled + c.other).toBe(ko.get(c.timeSpan));
    }
    type Counts = { _4xx: number; _5xx: number; total: number };
    for (const p of pick<Array<{ timeSpan: string; proxy: Counts; target: Counts }>>(r, 'pt')) {
      expect(p.proxy._4xx + p.proxy._5xx).toBe(p.proxy.total);
      expect(p.target._4xx + p.target._5xx).toBe(p.target.total);
      expect(p.proxy.total).toBe(ko.get(p.timeSpan));
      expect(p.target.total).toBeLessThanOrEqual(p.proxy.total);
    }
  });

  it('sums per-API usage (including the null-apiId unmatched traffic) to the total', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) {
        total: getTotalTraffic(filter: $tf, dataFilter: $df)
        u: getAPIUsageOverTime(timeFilter: $tf, dataFilter: $df, apiUsageOvertimeFilter: {granularity: "1h"}) { apiId usage { count } }
      }`,
      { df: PROD_FILTER, tf: DAY_TF }
    );
    const u = pick<Array<{ apiId: string | null; usage: Array<{ count: number }> }>>(r, 'u');
    expect(sum(u.flatMap((x) => x.usage.map((p) => p.count)))).toBe(pick<number>(r, 'total'));
    expect(u.map((x) => x.apiId)).toContain(null);
    expect(u.filter((x) => x.apiId !== null).every((x) => APIS.some((a) => a.id === x.apiId))).toBe(true);
  });
});

describe('shape of the data', () => {
  it('is deterministic: the same request gives byte-identical answers', async () => {
    const q = `query($df: DataFilter!, $tf: TimeFilter!) {
      getErrorsDetails(timeFilter: $tf, dataFilter: $df, errorsDetailsFilter: {paginationFilter: {limit: 50}}) { usage { apiId timeSpan applicationId reason count } pagination { total } }
      getLatency(timeFilter: $tf, dataFilter: $df, latencyFilter: {apiId: "${APIS[0].id}"}) { summary { timeSpan response responseMedian backend } }
    }`;
    const a = await gql(emu, token, q, { df: PROD_FILTER, tf: WEEK_TF });
    const other = await startEmulator({ port: 0, now: () => NOW });
    try {
      const b = await gql(other, await demoToken(other), q, { df: PROD_FILTER, tf: WEEK_TF });
      expect(b.text).toBe(a.text);
    } finally {
      await other.close();
    }
  });

  it('has much more traffic in Production than in Development', async () => {
    const prod = await summaries(envFilter(ENV_IDS.production), DAY_TF);
    const dev = await summaries(envFilter(ENV_IDS.development), DAY_TF);
    expect(prod.total).toBeGreaterThan(10 * dev.total);
    expect(dev.total).toBeGreaterThan(0);
  });

  it('has daily and weekly patterns', async () => {
    const s = await summaries(PROD_FILTER, { from: '2024-03-04T00:00:00Z', to: '2024-03-11T00:00:00Z' }, '1h');
    const at = (ts: string) => s.ok.summary.find((p) => p.timeSpan.startsWith(ts))?.requestCount ?? 0;
    expect(at('2024-03-06T14')).toBeGreaterThan(2 * at('2024-03-06T02'));
    const d = await summaries(PROD_FILTER, { from: '2024-03-04T00:00:00Z', to: '2024-03-11T00:00:00Z' }, '1d');
    const days = d.ok.summary.map((p) => p.requestCount);
    expect(days[5]).toBeLessThan(days[2]); // Saturday < Wednesday
  });

  it('has gaps: the Inventory API has no traffic at night', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) { getAPIUsageOverTime(timeFilter: $tf, dataFilter: $df, apiUsageOvertimeFilter: {apiIds: ["${APIS[3].id}"], granularity: "1h"}) { apiId usage { timeSpan } } }`,
      { df: PROD_FILTER, tf: DAY_TF }
    );
    const u = pick<Array<{ apiId: string; usage: Array<{ timeSpan: string }> }>>(r, 'getAPIUsageOverTime');
    expect(u).toHaveLength(1);
    expect(u[0].apiId).toBe(APIS[3].id);
    expect(u[0].usage.length).toBeLessThan(24);
    expect(u[0].usage.some((p) => p.timeSpan.includes('T03:'))).toBe(false);
  });

  it('has latency tails: p95 above the median', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) { getLatency(timeFilter: $tf, dataFilter: $df, latencyFilter: {apiId: "${APIS[2].id}", granularity: "1h"}) { summary { response responseMedian backend backendMedian } } }`,
      { df: PROD_FILTER, tf: DAY_TF }
    );
    const rows = pick<{ summary: Array<Record<string, number>> }>(r, 'getLatency').summary;
    expect(rows.length).toBe(24);
    for (const row of rows) {
      expect(row.response).toBeGreaterThan(row.responseMedian);
      expect(row.backend).toBeGreaterThan(row.backendMedian);
    }
  });

  it('names APIs by "<name> - <version>" in topSlowestAPIs and alerts, by UUID elsewhere', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) {
        slow: topSlowestAPIs(filter: $tf, dataFilter: $df, limit: 10) { apiId latency }
        top: getTopAPIsByAlertCount(timeFilter: $tf, dataFilter: $df) { usage { apiId count } pagination { total sortOrder } }
        byApp: getAPIUsageOverTime(timeFilter: $tf, dataFilter: $df, apiUsageOvertimeFilter: {appIds: ["${APPLICATIONS[0].id}"]}) { apiId }
      }`,
      { df: PROD_FILTER, tf: { from: '2024-02-15T00:00:00Z', to: '2024-03-15T00:00:00Z' } }
    );
    const composites = APIS.map(compositeApiId);
    const slow = pick<Array<{ apiId: string; latency: number }>>(r, 'slow');
    expect(slow.length).toBe(5); // Orders v2 is not deployed to Production
    expect(slow.every((s) => composites.includes(s.apiId))).toBe(true);
    expect(slow.map((s) => s.latency)).toEqual([...slow.map((s) => s.latency)].sort((a, b) => b - a));
    const top = pick<{
      usage: Array<{ apiId: string; count: number }>;
      pagination: { total: number; sortOrder: string };
    }>(r, 'top');
    expect(top.usage.length).toBeGreaterThan(0);
    expect(top.pagination.sortOrder).toBe('desc');
    expect(top.usage.every((s) => composites.includes(s.apiId))).toBe(true);
    expect(pick<Array<{ apiId: string }>>(r, 'byApp').every((s) => composites.includes(s.apiId))).toBe(true);
  });

  it('gives top 9 platforms plus "Other"', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) { getTopPlatforms(timeFilter: $tf, dataFilter: $df) { platform count } }`,
      {
        df: PROD_FILTER,
        tf: DAY_TF,
      }
    );
    const p = pick<Array<{ platform: string; count: number }>>(r, 'getTopPlatforms');
    expect(p).toHaveLength(10);
    expect(p[9].platform).toBe('Other');
  });

  it('gives a failing getOverallLatencyByAPI, like the live service', async () => {
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!) { getOverallLatencyByAPI(dataFilter: $df, apiId: "${APIS[0].id}") { response } }`,
      {
        df: PROD_FILTER,
      }
    );
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(r.body.data).toEqual({ getOverallLatencyByAPI: null });
  });

  it('honours filters: project, apiIds, categories', async () => {
    const commerce = await summaries({ ...PROD_FILTER, projectId: '3a1f5c7e-9b2d-4f6a-8c1e-5d7b9a3f2c10' }, DAY_TF);
    const all = await summaries(PROD_FILTER, DAY_TF);
    expect(commerce.total).toBeGreaterThan(0);
    expect(commerce.total).toBeLessThan(all.total);
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) { getErrorsByCategory(timeFilter: $tf, dataFilter: $df, errorsByCategoryFilter: {categories: ["AUTH"], apiId: "${APIS[0].id}"}) { errors { auth other } } }`,
      { df: PROD_FILTER, tf: DAY_TF }
    );
    const rows = pick<{ errors: Array<{ auth: number | null; other: number | null }> }>(
      r,
      'getErrorsByCategory'
    ).errors;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.other === null && typeof x.auth === 'number')).toBe(true);
  });
});

describe('pagination', () => {
  const q = `query($df: DataFilter!, $tf: TimeFilter!, $p: PaginationFilter) {
    getResourceUsage(timeFilter: $tf, dataFilter: $df, resourceUsageFilter: {paginationFilter: $p}) {
      usage { apiId apiResourceTemplate apiMethod count } pagination { total limit offset sortBy sortOrder }
    }
  }`;
  type Page = { usage: Array<{ count: number; apiResourceTemplate: string }>; pagination: Record<string, unknown> };
  const page = async (p?: object) =>
    pick<Page>(await gql(emu, token, q, { df: PROD_FILTER, tf: DAY_TF, p }), 'getResourceUsage');

  it('defaults to limit 5, offset 0, ascending', async () => {
    const r = await page();
    expect(r.usage).toHaveLength(5);
    expect(r.pagination).toEqual({ total: 17, limit: 5, offset: 0, sortBy: 'count', sortOrder: 'asc' });
    const counts = r.usage.map((u) => u.count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('pages through every row exactly once', async () => {
    const first = await page({ limit: 10, offset: 0, sortOrder: 'desc' });
    const second = await page({ limit: 10, offset: 10, sortOrder: 'desc' });
    expect(first.usage).toHaveLength(10);
    expect(second.usage).toHaveLength(7);
    expect(first.usage[9].count).toBeGreaterThanOrEqual(second.usage[0].count);
  });

  it('sorts by another column and rejects unknown ones', async () => {
    const r = await page({ sortBy: 'apiResourceTemplate', limit: 50 });
    const names = r.usage.map((u) => u.apiResourceTemplate);
    expect(names).toEqual([...names].sort());
    const bad = await gql(emu, token, q, { df: PROD_FILTER, tf: DAY_TF, p: { sortBy: 'nope' } });
    expect(bad.body.errors?.[0].message).toMatch(/Invalid sortBy 'nope'/);
  });
});

describe('performance', () => {
  it('answers a 30-day 1h query for every API well under 100 ms once warm', async () => {
    const q = `query($df: DataFilter!, $tf: TimeFilter!) { getAPIUsageOverTime(timeFilter: $tf, dataFilter: $df, apiUsageOvertimeFilter: {granularity: "1h"}) { apiId usage { timeSpan count } } }`;
    // Each request uses a different range (nothing reusable between them); the first ones only
    // warm the JIT, which starts cold in every jest module registry.
    const run = async (i: number) => {
      const to = `2024-03-15T00:${String(i).padStart(2, '0')}:00Z`;
      const t = performance.now();
      const res = await fetch(emu.apiUrl, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: q, variables: { df: PROD_FILTER, tf: { from: '2024-02-14T00:00:00Z', to } } }),
      });
      expect((await res.json()).errors).toBeUndefined();
      const timing = res.headers.get('server-timing') ?? '';
      const server = Number(/exec;dur=([\d.]+)/.exec(timing)?.[1]);
      const cpu = Number(/cpu;dur=([\d.]+)/.exec(timing)?.[1]);
      return { server, cpu, total: performance.now() - t };
    };
    for (let i = 0; i < 10; i++) {
      await run(i);
    }
    const times = [];
    for (let i = 10; i < 15; i++) {
      times.push(await run(i));
    }
    // The emulator's own cost is the CPU time it spends (Server-Timing cpu): wall time on a busy
    // CI machine mostly measures other processes. Best of five, with a loose wall-time bound.
    expect(Math.min(...times.map((t) => t.cpu))).toBeLessThan(100);
    expect(Math.min(...times.map((t) => t.total))).toBeLessThan(1000);
  });
});

import { dateTime, type DataFrame, type DataQueryRequest } from '@grafana/data';
import fc from 'fast-check';
import { lastValueFrom } from 'rxjs';

import { APIS, ENV_IDS } from '../../emulator/demo';
import type { DataSource } from '../../src/datasource';
import { QueryType, type ChoreoQuery } from '../../src/types';
import { toNeutral } from '../parity/neutralFrames';
import { startStack, type Stack } from '../stack/startStack';

// Incremental refresh, counted in requests and bytes at the emulator: a refresh over a moved
// range fetches only the newest buckets (and the first, when the start moved inside it), and its
// frames are the frames a full fetch gives — also with late data.

const START = Date.parse('2026-11-25T12:00:30Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const TIME_SERIES: Array<Partial<ChoreoQuery>> = [
  { queryType: QueryType.RequestSummary },
  { queryType: QueryType.ApiUsage },
  { queryType: QueryType.UsageByApplication },
  { queryType: QueryType.UsageByBackend },
  { queryType: QueryType.ErrorsByCategory },
  { queryType: QueryType.ErrorsByStatusClass },
  { queryType: QueryType.Cache, apiIds: [APIS[0].id] },
  { queryType: QueryType.ApiLatency, apiIds: [APIS[0].id] },
  {
    queryType: QueryType.CustomReport,
    customReport: { mode: 'overTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'] },
  },
];

function request(
  targets: Array<Partial<ChoreoQuery>>,
  now: number,
  spanMs: number,
  panelId = 1
): DataQueryRequest<ChoreoQuery> {
  const from = dateTime(now - spanMs);
  const to = dateTime(now);
  return {
    requestId: `Q${panelId}`,
    panelId,
    app: 'dashboard',
    interval: '1m',
    intervalMs: MINUTE,
    maxDataPoints: 1000,
    range: { from, to, raw: { from: 'now-24h', to: 'now' } },
    scopedVars: {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })) as ChoreoQuery[],
    timezone: 'utc',
    startTime: 0,
  };
}

/** Frames as they compare: the inspector's text says how they were fetched, so it is left out. */
async function frames(ds: DataSource, r: DataQueryRequest<ChoreoQuery>) {
  const res = await lastValueFrom(ds.query(r));
  expect(res.errors).toBeUndefined();
  return toNeutral(res.data as DataFrame[]).map((f) => ({ ...f, meta: { ...f.meta, executedQueryString: undefined } }));
}

describe('Incremental refresh', () => {
  let stack: Stack;
  let now = START;
  beforeEach(async () => {
    now = START;
    stack = await startStack({ now: () => now, jsonData: { defaultEnvironmentId: ENV_IDS.production } });
  });
  afterEach(() => stack.close());

  it.each([
    ['24 h', 24 * HOUR],
    ['7 d', 7 * 24 * HOUR],
  ])(
    'over %s, a refresh a minute later downloads under 10 %% of a full one, with the same frames',
    async (_name, span) => {
      const ds = stack.dataSource();
      const targets = [{ queryType: QueryType.RequestSummary }, { queryType: QueryType.ApiUsage }];
      await frames(ds, request(targets, now, span));
      stack.emulator.resetStats();
      const full = await frames(stack.dataSource(), request(targets, now, span));
      const coldBytes = stack.emulator.stats.graphqlResponseBytes;
      now += MINUTE;
      stack.emulator.resetStats();
      const warm = await frames(ds, request(targets, now, span));
      const warmBytes = stack.emulator.stats.graphqlResponseBytes;
      expect(stack.emulator.stats.graphqlRequests).toBe(1);
      expect(warmBytes).toBeLessThan(coldBytes * 0.1);
      expect(warm).toEqual(await frames(stack.dataSource(), request(targets, now, span)));
      expect(full.length).toBe(warm.length);
    }
  );

  it('the Query inspector says what was fetched again', async () => {
    const ds = stack.dataSource();
    await frames(ds, request([{ queryType: QueryType.RequestSummary }], now, 24 * HOUR));
    now += MINUTE;
    const res = await lastValueFrom(ds.query(request([{ queryType: QueryType.RequestSummary }], now, 24 * HOUR)));
    expect((res.data as DataFrame[])[0].meta?.executedQueryString).toMatch(
      /# incremental refresh: fetched the first bucket \(from 2026-11-24T12:01:30\.000Z\) and the buckets from 2026-11-25T1\d:\d\d:00\.000Z; the ones between come from the last refresh$/
    );
  });

  it('a saved data source (a new instance) fetches in full; incrementalOverlapMinutes: 0 turns it off', async () => {
    const ds = stack.dataSource();
    await frames(ds, request(TIME_SERIES.slice(0, 1), now, 24 * HOUR));
    stack.emulator.resetStats();
    now += MINUTE;
    await frames(stack.dataSource(), request(TIME_SERIES.slice(0, 1), now, 24 * HOUR));
    const full = stack.emulator.stats.graphqlResponseBytes;
    const off = stack.dataSource({ incrementalOverlapMinutes: 0 });
    await frames(off, request(TIME_SERIES.slice(0, 1), now, 24 * HOUR));
    stack.emulator.resetStats();
    now += MINUTE;
    await frames(off, request(TIME_SERIES.slice(0, 1), now, 24 * HOUR));
    expect(stack.emulator.stats.graphqlResponseBytes).toBeGreaterThan(full * 0.9);
  });

  it('across a daylight-saving change, daily buckets of a refresh are those of a full fetch', async () => {
    // Europe/Berlin leaves summer time on 2026-10-25: the week before starts at +02:00, the newest
    // buckets are at +01:00, and the API aligns days in the offset of the filter's `from`.
    now = Date.parse('2026-10-28T12:00:30Z');
    const daily = (at: number): DataQueryRequest<ChoreoQuery> => ({
      ...request([{ queryType: QueryType.RequestSummary, granularity: '1d' }], at, 7 * 24 * HOUR),
      timezone: 'Europe/Berlin',
    });
    const ds = stack.dataSource();
    await frames(ds, daily(now));
    now += MINUTE;
    stack.emulator.resetStats();
    const warm = await frames(ds, daily(now));
    expect(stack.emulator.stats.graphqlRequests).toBe(1);
    expect(warm).toEqual(await frames(stack.dataSource(), daily(now)));
  });

  it('property: any sequence of refreshes, range moves and late data gives the frames of a full fetch', async () => {
    const step = fc.record({
      minutes: fc.integer({ min: 0, max: 40 }),
      spanHours: fc.constantFrom(6, 24, 24, 168),
      lateMinutes: fc.integer({ min: 0, max: 10 }),
      type: fc.integer({ min: 0, max: TIME_SERIES.length - 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 5 }), async (steps) => {
        const ds = stack.dataSource();
        for (const s of steps) {
          now += s.minutes * MINUTE;
          stack.emulator.setLateData(s.lateMinutes);
          const r = request([TIME_SERIES[s.type]], now, s.spanHours * HOUR);
          expect(await frames(ds, r)).toEqual(await frames(stack.dataSource(), r));
        }
      }),
      { seed: 20261201, numRuns: 12 }
    );
  }, 60_000);
});

import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { dateTime } from '@grafana/data';
import { delay, type Observable } from 'rxjs';

import { API_PATH } from '../../emulator/server';
import { QueryType } from '../../src/types';
import { ALL_TARGETS } from './panelTargets';
import { trackUncaught } from './stacks';
import { FROM, panelRequest, recordingPolicy, runPanel, startTrustStack, TO, type PanelOutcome } from './trustStack';

// 200 panels of mixed types at once against one data source, with network latency and 5 % of
// the query API's answers failing: every panel finishes, a failure stays in its own panel with
// its message, Grafana fetches one token, and memory stays bounded.

const PANELS = 200;
const LATENCY_MS = 30;
const FAILURE = 'The Insights API failed (HTTP 500). Response: Runtime Error';

it('survives 200 concurrent panel queries with latency and 5 % failures', async () => {
  const uncaught = trackUncaught();
  const stack = await startTrustStack();
  try {
    // Latency on every request (the emulator's latencyMs would only slow the failing ones).
    const fetch = stack.browser.fetch.bind(stack.browser);
    stack.browser.fetch = <T>(o: BackendSrvRequest): Observable<FetchResponse<T>> =>
      fetch<T>(o).pipe(delay(LATENCY_MS));
    stack.emulator.setFaults({ onlyPath: API_PATH, status: 500, failureRate: 0.05, seed: 7 });

    // Every panel its own POST, so 5 % of POSTs failing means some panels fail: coalescing (one
    // POST for many panels) has its own spec.
    const ds = stack.dataSource({ coalesceRequests: false }, recordingPolicy());
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const started = performance.now();
    const targets = Array.from({ length: PANELS }, (_, i) => ALL_TARGETS[i % ALL_TARGETS.length]);
    let outcomes: PanelOutcome[];
    try {
      outcomes = await Promise.all(
        targets.map((t, i) => {
          // Each panel its own minute-shifted range, so no two send the same request (identical
          // requests in flight are shared by the client, which would hide the load).
          const from = dateTime(FROM + i * 60_000);
          const to = dateTime(TO + i * 60_000);
          const range = { from, to, raw: { from, to } };
          return runPanel(ds, panelRequest([t], { requestId: `panel-${i}`, panelId: i, range }));
        })
      );
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;

    const failed = outcomes.filter((o) => o.errors.length);
    const messages = new Set(failed.flatMap((o) => o.errors.map((e) => e.message)));
    const report = {
      panels: PANELS,
      seconds: Number(seconds.toFixed(2)),
      apiRequests: stack.emulator.stats.graphqlRequests,
      failedPanels: failed.length,
      tokenRequests: stack.proxy.stats.tokenRequests,
      peakHeapMB: Math.round(peak / 2 ** 20),
      heapGrowthMB: Math.round((peak - baseline) / 2 ** 20),
    };
    process.stdout.write(`trust load: ${JSON.stringify(report)}\n`);

    expect(outcomes).toHaveLength(PANELS);
    // Every panel's request reaches the API, except that the list panels ignore the time range,
    // so theirs are identical and the client shares one while it is in flight. (A paginated
    // panel costs one request now, so pages no longer pad this count.)
    const listPanels = targets.filter((t) => t.queryType === QueryType.List).length;
    expect(report.apiRequests).toBeGreaterThanOrEqual(PANELS - listPanels + 1);
    // Some panels failed (5 % of the requests), each with the message of its failure only...
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(PANELS / 4);
    expect([...messages]).toEqual([FAILURE]);
    // ...and every other panel has its data.
    for (const o of outcomes.filter((x) => !x.errors.length)) {
      expect(o.frames.length).toBeGreaterThan(0);
    }
    expect(stack.proxy.stats.tokenRequests).toBe(1);
    expect(report.heapGrowthMB).toBeLessThan(300);
    expect(seconds).toBeLessThan(30);
    expect(uncaught.errors).toEqual([]);
  } finally {
    uncaught.stop();
    await stack.close();
  }
}, 60_000);

/**
 * Plugin-side time per query of a typical panel: DataSource.query end to end with the network
 * taken out. Each answer is recorded once from the emulator, then replayed by a BackendSrv that
 * answers at once, so what is timed is request building, batching, JSON.parse, splitting and
 * frame building.
 */
import { dateTime, type DataQueryRequest } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import type { PanelCase } from '../scripts/panelFrames';
import type { ChoreoQuery } from '../src/types';
import { TestBackendSrv, type FetchTransport } from '../testing/fakes/backendSrv';
import { httpFetch } from '../testing/grafana-proxy/httpFetch';
import { panelRequest, TARGETS } from '../testing/integration/fastHelpers';
import type { Stack } from '../testing/stack/startStack';
import { medianAsync } from './stats';

export interface PerQueryRow {
  panel: string;
  targets: number;
  /** Through proxy and emulator (zero added latency), for context. */
  withNetworkMs: number;
  /** Everything but the network. */
  pluginMs: number;
}

/** The overview's four targets over the last 24 hours (hourly buckets). */
export function typicalPanel(): DataQueryRequest<ChoreoQuery> {
  const now = Date.now();
  return panelRequest(TARGETS, {
    range: { from: dateTime(now - 86_400_000), to: dateTime(now), raw: { from: 'now-24h', to: 'now' } },
  });
}

/** An answer given at once, as the browser's fetch would hand over a cached response. */
function answered(url: string, body: string) {
  return {
    status: 200,
    statusText: 'OK',
    ok: true,
    headers: new Headers({ 'content-type': 'application/json' }),
    url,
    redirected: false,
    type: 'basic' as const,
    text: async () => body,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
  };
}

export interface PerQueryOptions {
  /** Runs through proxy and emulator (after one more that records the answers). */
  networkRuns?: number;
  replayRuns?: number;
  /** refIds whose errors the runs must give (the panel's own), no others. */
  expectedErrors?: string[];
}

export async function benchPerQuery(
  stack: Stack,
  panel: string,
  request: DataQueryRequest<ChoreoQuery>,
  opts: PerQueryOptions = {}
): Promise<PerQueryRow> {
  // Coalescing waits for other panels (a 15 ms window) and the incremental cache would answer
  // repeated runs from memory: both off, so what is timed is one panel's own work.
  const ds = stack.dataSource({ coalesceRequests: false, incrementalOverlapMinutes: 0 });
  const answers = new Map<string, string>();
  const rootUrl = stack.proxy.url;
  const expected = [...(opts.expectedErrors ?? [])].sort().join(',');
  // Record: the one BackendSrv over node:http, remembering each answer by request body.
  const record: FetchTransport = async (url, init) => {
    const response = await httpFetch(url, init);
    answers.set(init.body ?? '', await response.text());
    return response;
  };
  setBackendSrv(new TestBackendSrv({ rootUrl, transport: record, record: false }));
  const run = async () => {
    const start = performance.now();
    const res = await lastValueFrom(ds.query(request));
    const errors = (res.errors ?? [])
      .map((e) => e.refId ?? '')
      .sort()
      .join(',');
    if (errors !== expected || (!res.data.length && !expected)) {
      throw new Error(`${panel} failed: ${JSON.stringify(res.errors)}`);
    }
    return performance.now() - start;
  };
  try {
    const withNetworkMs = await medianAsync(opts.networkRuns ?? 15, run);

    // Replay: the same BackendSrv, every request answered at once from the recording.
    const replay: FetchTransport = async (url, init) => {
      const body = answers.get(init.body ?? '');
      if (body === undefined) {
        throw new Error(`no recorded answer for ${String(JSON.parse(init.body ?? '{}').operationName)}`);
      }
      return answered(url, body);
    };
    setBackendSrv(new TestBackendSrv({ rootUrl, transport: replay, record: false }));
    const pluginMs = await medianAsync(opts.replayRuns ?? 50, run);
    return { panel, targets: request.targets.length, withNetworkMs, pluginMs };
  } finally {
    setBackendSrv(stack.browser);
  }
}

/** What scripts/panelFrames.ts writes per panel, the fields read here. */
export type PanelCaseLike = Omit<PanelCase, 'frames'>;

/** A panel case as the browser's DataSource gets it: targets already interpolated, UTC. */
export function caseRequest(c: PanelCaseLike, panelId: number): DataQueryRequest<ChoreoQuery> {
  return panelRequest(c.queries, {
    requestId: `bench-${panelId}`,
    panelId,
    from: Date.parse(c.range.from),
    to: Date.parse(c.range.to),
    interval: `${c.intervalMs}ms`,
    intervalMs: c.intervalMs,
    maxDataPoints: c.maxDataPoints,
    timezone: 'utc',
  });
}

/** Browser-side time of every provisioned panel (the cases the backend bench sends too). */
export async function benchPanelCases(
  stack: Stack,
  cases: PanelCaseLike[]
): Promise<Array<PerQueryRow & { dashboard: string }>> {
  const out: Array<PerQueryRow & { dashboard: string }> = [];
  for (const [i, c] of cases.entries()) {
    const row = await benchPerQuery(stack, c.panel, caseRequest(c, i + 1), {
      networkRuns: 5,
      replayRuns: 15,
      expectedErrors: Object.keys(c.errors),
    });
    out.push({ dashboard: c.dashboard.replace(/^.*\//, ''), ...row });
  }
  return out;
}

/**
 * Plugin-side time per query of a typical panel: DataSource.query end to end with the network
 * taken out. Each answer is recorded once from the emulator, then replayed by a BackendSrv that
 * answers at once, so what is timed is request building, batching, JSON.parse, splitting and
 * frame building.
 */
import { dateTime, type DataQueryRequest } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

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

export async function benchPerQuery(
  stack: Stack,
  panel: string,
  request: DataQueryRequest<ChoreoQuery>
): Promise<PerQueryRow> {
  const ds = stack.dataSource();
  const answers = new Map<string, string>();
  const rootUrl = stack.proxy.url;
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
    if (res.errors?.length || !res.data.length) {
      throw new Error(`typical panel failed: ${JSON.stringify(res.errors)}`);
    }
    return performance.now() - start;
  };
  const withNetworkMs = await medianAsync(15, run);

  // Replay: the same BackendSrv, every request answered at once from the recording.
  const replay: FetchTransport = async (url, init) => {
    const body = answers.get(init.body ?? '');
    if (body === undefined) {
      throw new Error(`no recorded answer for ${String(JSON.parse(init.body ?? '{}').operationName)}`);
    }
    return answered(url, body);
  };
  setBackendSrv(new TestBackendSrv({ rootUrl, transport: replay, record: false }));
  const pluginMs = await medianAsync(50, run);
  setBackendSrv(stack.browser);
  return { panel, targets: request.targets.length, withNetworkMs, pluginMs };
}

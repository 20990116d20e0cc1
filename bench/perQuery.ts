/**
 * Plugin-side time per query of a typical panel: DataSource.query end to end with the network
 * taken out. Each answer is recorded once from the emulator, then replayed by a BackendSrv that
 * answers at once, so what is timed is request building, batching, JSON.parse, splitting and
 * frame building.
 */
import { dateTime, type DataQueryRequest } from '@grafana/data';
import {
  setBackendSrv,
  setTemplateSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type FetchResponse,
} from '@grafana/runtime';
import { of, tap } from 'rxjs';

import type { ChoreoQuery } from '../src/types';
import { fakeTemplateSrv } from '../src/queries/testing/fakeDeps';
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
  setTemplateSrv(fakeTemplateSrv({}));
  const now = Date.now();
  return panelRequest(TARGETS, {
    range: { from: dateTime(now - 86_400_000), to: dateTime(now), raw: { from: 'now-24h', to: 'now' } },
  });
}

export async function benchPerQuery(
  stack: Stack,
  panel: string,
  request: DataQueryRequest<ChoreoQuery>
): Promise<PerQueryRow> {
  const ds = stack.dataSource();
  const answers = new Map<string, unknown>();
  const real = stack.browser;
  // Record: the real browser stand-in, remembering each answer by request body.
  const recorder: Partial<BackendSrv> = {
    fetch: <T>(o: BackendSrvRequest) => real.fetch<T>(o).pipe(tap((r) => answers.set(JSON.stringify(o.data), r.data))),
  };
  setBackendSrv(recorder as BackendSrv);
  const run = async () => {
    const start = performance.now();
    const res = await ds.query(request);
    if (res.errors?.length || !res.data.length) {
      throw new Error(`typical panel failed: ${JSON.stringify(res.errors)}`);
    }
    return performance.now() - start;
  };
  const withNetworkMs = await medianAsync(15, run);

  // Replay: every request answered at once from the recording.
  const replay: Partial<BackendSrv> = {
    fetch: <T>(o: BackendSrvRequest) => {
      const data = answers.get(JSON.stringify(o.data));
      if (data === undefined) {
        throw new Error(`no recorded answer for ${String((o.data as { operationName?: string }).operationName)}`);
      }
      // Only the fields the client reads.
      return of({ data: data as T, status: 200, ok: true, statusText: 'OK' } as FetchResponse<T>);
    },
  };
  setBackendSrv(replay as BackendSrv);
  const pluginMs = await medianAsync(50, run);
  setBackendSrv(real);
  return { panel, targets: request.targets.length, withNetworkMs, pluginMs };
}

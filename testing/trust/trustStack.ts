import { dateTime, type DataFrame, type DataQueryError, type DataQueryRequest } from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';

import { DEMO_CREDENTIALS, ENV_IDS } from '../../emulator/demo';
import { startEmulator, type Emulator } from '../../emulator/server';
import { InsightsClient } from '../../src/client/graphqlClient';
import type { RetryPolicy } from '../../src/client/retryPolicy';
import { DataSource } from '../../src/datasource';
import { MetadataService } from '../../src/metadata/metadataService';
import type { ChoreoOptions } from '../../src/options';
import type { ChoreoQuery } from '../../src/types';
import { startGrafanaProxy, TestBackendSrv, type GrafanaProxy } from '../grafana-proxy';
import { installBackendSrv } from '../grafana-proxy/installBackendSrv';
import { instanceSettings } from '../integration/harness';
import { trustTemplateSrv } from './templateSrv';

/** The clock the emulator, proxy and panel ranges share: no data exists after it. */
export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const FROM = Date.parse('2026-11-24T00:00:00Z');
export const TO = Date.parse('2026-11-25T00:00:00Z');
export const HOUR = 3_600_000;

/** Dashboard variables every trust spec sees (`$apis` is an empty multi-value selection). */
export const DASHBOARD_VARS: Record<string, string | string[]> = {
  env: ENV_IDS.production,
  apis: [],
  many: ['a', 'b'],
};

/**
 * Like testing/integration/harness.ts, plus what the trust specs need: the proxy's upstream
 * timeout (for 504s), an optional unset secret, and data sources whose retries wait on a fake
 * clock so throttling cases take milliseconds.
 */
export interface TrustStack {
  emulator: Emulator;
  proxy: GrafanaProxy;
  browser: TestBackendSrv;
  jsonData: ChoreoOptions;
  /** A fresh DataSource (empty metadata cache), retries sleeping on `policy` when given. */
  dataSource(jsonData?: Partial<ChoreoOptions>, policy?: RetryPolicy): DataSource;
  close(): Promise<void>;
}

export interface TrustStackOptions {
  /** undefined: the demo secret; null: no secret saved at all. */
  secret?: string | null;
  upstreamTimeoutMs?: number;
  jsonData?: Partial<ChoreoOptions>;
}

export async function startTrustStack(opts: TrustStackOptions = {}): Promise<TrustStack> {
  setTemplateSrv(trustTemplateSrv(DASHBOARD_VARS));
  const emulator = await startEmulator({ port: 0, now: () => NOW });
  const jsonData: ChoreoOptions = {
    consumerKey: DEMO_CREDENTIALS.consumerKey,
    orgHandle: DEMO_CREDENTIALS.orgHandle,
    orgUuid: DEMO_CREDENTIALS.orgUuid,
    tokenUrl: emulator.tokenUrl,
    apiUrl: emulator.apiUrl,
    defaultEnvironmentId: ENV_IDS.production,
    ...opts.jsonData,
  };
  const secret = opts.secret === undefined ? DEMO_CREDENTIALS.consumerSecret : opts.secret;
  const proxy = await startGrafanaProxy({
    now: () => NOW,
    upstreamTimeoutMs: opts.upstreamTimeoutMs,
    datasource: {
      id: 7,
      uid: 'choreo-it',
      jsonData: { ...jsonData },
      secureJsonData: secret === null ? {} : { consumerSecret: secret },
    },
  });
  const browser = installBackendSrv(new TestBackendSrv({ rootUrl: proxy.url }));
  return {
    emulator,
    proxy,
    browser,
    jsonData,
    dataSource(partial = {}, policy) {
      const merged = { ...jsonData, ...partial };
      // Grafana's proxy renders the route from the saved settings: save them like the config
      // page does (a save also drops the cached token), but only when they change.
      if (JSON.stringify(proxy.datasource.jsonData) !== JSON.stringify(merged)) {
        proxy.updateDatasource({ jsonData: { ...merged } });
      }
      const ds = new DataSource(instanceSettings(proxy.instanceUrl, merged));
      if (policy) {
        // The DataSource builds its client with the real 1 s / 2 s waits; swap in one that
        // sleeps on the test's clock (both fields are readonly only to plugin code).
        const client = new InsightsClient(proxy.instanceUrl, ds.settings, policy);
        Object.assign(ds, { client, metadata: new MetadataService(client, ds.settings) });
      }
      return ds;
    },
    async close() {
      await proxy.close();
      await emulator.close().catch(() => undefined);
    },
  };
}

/** A retry policy that records the waits instead of sleeping. */
export function recordingPolicy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries: 2, maxTotalWaitMs: 10_000, baseDelayMs: 1_000, waits, sleep: async (ms) => void waits.push(ms) };
}

/** A panel request over the 24 h before the emulator's midnight, like a dashboard sends it. */
export function panelRequest(
  targets: Array<Partial<ChoreoQuery>>,
  over: Partial<DataQueryRequest<ChoreoQuery>> = {}
): DataQueryRequest<ChoreoQuery> {
  const from = dateTime(FROM);
  const to = dateTime(TO);
  return {
    requestId: 'trust',
    interval: '1h',
    intervalMs: HOUR,
    maxDataPoints: 500,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })) as ChoreoQuery[],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    ...over,
  };
}

export interface PanelOutcome {
  frames: DataFrame[];
  errors: DataQueryError[];
  /** Every notice of every frame, as "severity: text". */
  notices: string[];
}

export async function runPanel(ds: DataSource, request: DataQueryRequest<ChoreoQuery>): Promise<PanelOutcome> {
  const res = await ds.query(request);
  const frames = (res.data ?? []) as DataFrame[];
  return {
    frames,
    errors: res.errors ?? [],
    notices: frames.flatMap((f) => (f.meta?.notices ?? []).map((n) => `${n.severity}: ${n.text}`)),
  };
}

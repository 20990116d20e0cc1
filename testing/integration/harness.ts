import type { DataSourceInstanceSettings, TestDataSourceResponse } from '@grafana/data';

import { DataSource } from '../../src/datasource';
import { classifyBackendHealth, combineHealth } from '../../src/health/bothPaths';
import type { ChoreoOptions } from '../../src/options';
import { DEMO_CREDENTIALS } from '../../emulator/demo';
import { startEmulator, type Emulator } from '../../emulator/server';
import { PLUGIN_NOT_REGISTERED, startGrafanaProxy, TestBackendSrv, type GrafanaProxy } from '../grafana-proxy';
import { installBackendSrv } from '../grafana-proxy/installBackendSrv';

export const DS_UID = 'choreo-it';

/**
 * What "Save & test" answers when the browser's check through the proxy gives `browser`. These
 * stacks run no plugin backend, so Grafana's health endpoint says "Plugin not found" and the
 * alerting half reads "not running"; src/health/bothPaths.test.ts specifies the combination,
 * these specs the browser's half.
 */
export function withoutBackend(browser: TestDataSourceResponse): TestDataSourceResponse {
  return combineHealth(browser, classifyBackendHealth(404, PLUGIN_NOT_REGISTERED));
}

/** The browser's requests through Grafana's data source proxy (not Grafana's own API). */
export function proxyRequests(browser: TestBackendSrv) {
  return browser.requests.filter((r) => r.url.includes('/api/datasources/proxy/'));
}

/**
 * One Grafana stand-in around the real plugin: the emulator plays Choreo, the proxy applies
 * src/plugin.json like Grafana's data source proxy, and a TestBackendSrv plays the browser.
 */
export interface Stack {
  emulator: Emulator;
  proxy: GrafanaProxy;
  browser: TestBackendSrv;
  jsonData: ChoreoOptions;
  /** A DataSource built from the current settings, as Grafana builds one after each save. */
  dataSource(): DataSource;
  /** Saves new settings the way the config page does: proxy (server side) and instance. */
  save(jsonData: Partial<ChoreoOptions>, secret?: string): void;
  close(): Promise<void>;
}

export interface StackOptions {
  now?: () => number;
  tokenTtlSeconds?: number;
  secret?: string;
  jsonData?: Partial<ChoreoOptions>;
  /** The emulator's page size cap (EmulatorOptions.maxPageSize). */
  maxPageSize?: number;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({
    port: 0,
    now: opts.now,
    tokenTtlSeconds: opts.tokenTtlSeconds,
    maxPageSize: opts.maxPageSize,
  });
  let jsonData: ChoreoOptions = {
    consumerKey: DEMO_CREDENTIALS.consumerKey,
    orgHandle: DEMO_CREDENTIALS.orgHandle,
    orgUuid: DEMO_CREDENTIALS.orgUuid,
    tokenUrl: emulator.tokenUrl,
    apiUrl: emulator.apiUrl,
    ...opts.jsonData,
  };
  const proxy = await startGrafanaProxy({
    now: opts.now,
    datasource: {
      id: 7,
      uid: DS_UID,
      jsonData: { ...jsonData },
      secureJsonData: { consumerSecret: opts.secret ?? DEMO_CREDENTIALS.consumerSecret },
    },
  });
  const browser = installBackendSrv(new TestBackendSrv({ rootUrl: proxy.url }));

  const stack: Stack = {
    emulator,
    proxy,
    browser,
    get jsonData() {
      return jsonData;
    },
    dataSource() {
      return new DataSource(instanceSettings(proxy.instanceUrl, jsonData));
    },
    save(partial, secret) {
      jsonData = { ...jsonData, ...partial };
      proxy.updateDatasource({
        jsonData: { ...jsonData },
        ...(secret === undefined ? {} : { secureJsonData: { consumerSecret: secret } }),
      });
    },
    async close() {
      await proxy.close();
      // a test may have stopped the emulator already to simulate an outage
      await emulator.close().catch(() => undefined);
    },
  };
  return stack;
}

export function instanceSettings(url: string, jsonData: ChoreoOptions): DataSourceInstanceSettings<ChoreoOptions> {
  return {
    id: 7,
    uid: DS_UID,
    type: 'choreo-insights-datasource',
    name: 'Choreo Insights',
    access: 'proxy',
    url,
    jsonData,
    readOnly: false,
    meta: { id: 'choreo-insights-datasource' } as DataSourceInstanceSettings['meta'],
  };
}

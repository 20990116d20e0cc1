/**
 * The one place that assembles a Grafana stand-in around the real plugin: the emulator plays
 * Choreo, the Grafana-faithful proxy applies src/plugin.json like Grafana's data source proxy,
 * the BackendSrv (testing/fakes/backendSrv.ts over node:http) plays the browser, and
 * `dataSource()` builds the real DataSource the way Grafana does after each save. The
 * integration, trust, ship (scripts/checkDashboards.ts), bench and sandbox code all start it.
 *
 * Safe to import without a DOM: the plugin's modules (which touch `window`) load only when a
 * browser is wanted (the default); the sandbox server asks for `browser: false`.
 */
import type { DataSourceInstanceSettings } from '@grafana/data';

import { DEMO_CREDENTIALS } from '../../emulator/demo';
import { startEmulator, type Emulator } from '../../emulator/server';
import type { RetryPolicy } from '../../src/client/retryPolicy';
import type { DataSource } from '../../src/datasource';
import type { ChoreoOptions } from '../../src/options';
import { TemplateSrvFake, type FakeVariable } from '../fakes/templateSrv';
import { nodeBackendSrv, startGrafanaProxy, type GrafanaProxy, type TestBackendSrv } from '../grafana-proxy';

export const PLUGIN_ID = 'choreo-insights-datasource';
export const DS_UID = 'choreo-it';

export interface StackOptions {
  /** One clock for the emulator (tokens, "no data after now") and the proxy (token expiry). */
  now?: () => number;
  /** The emulator's access token lifetime. */
  tokenTtlSeconds?: number;
  /** The emulator's page size cap (EmulatorOptions.maxPageSize). */
  maxPageSize?: number;
  /** The proxy's upstream timeout ([dataproxy] timeout), after which it answers 504. */
  upstreamTimeoutMs?: number;
  /** Emulator port (0, the default, picks a free one); everything listens on 127.0.0.1. */
  emulatorPort?: number;
  /**
   * Saved settings: the demo organization with the emulator's URLs, these keys over them; a
   * function gives them exactly, from the emulator's URLs; null saves none (a new data source).
   */
  jsonData?: Partial<ChoreoOptions> | ((emulator: Emulator) => ChoreoOptions) | null;
  /** The consumer secret: the demo's by default; null saves none. */
  secret?: string | null;
  /** Retries of every DataSource built (their waits on a test clock); default the plugin's. */
  retryPolicy?: RetryPolicy;
  /** The data source's identity in the proxy and the instance settings. */
  datasource?: { id?: number; uid?: string; name?: string };
  /** Dashboard variables of the TemplateSrvFake installed with the browser. */
  variables?: FakeVariable[] | Record<string, string | string[]>;
  /** false: emulator and proxy only (no BackendSrv, no DataSource, no DOM needed). */
  browser?: boolean;
}

export interface Stack {
  emulator: Emulator;
  proxy: GrafanaProxy;
  /** The browser stand-in, installed as Grafana's BackendSrv (throws with `browser: false`). */
  browser: TestBackendSrv;
  /** The TemplateSrv installed with the browser. */
  templateSrv: TemplateSrvFake;
  /** The settings saved now. */
  readonly jsonData: ChoreoOptions;
  /**
   * A new DataSource (empty caches), as Grafana builds one after each save: from the saved
   * settings, or from the initial settings with `jsonData` over them (saved first when they
   * differ from the saved ones). `policy` overrides the stack's retry policy.
   */
  dataSource(jsonData?: Partial<ChoreoOptions>, policy?: RetryPolicy): DataSource;
  /** Saves new settings the way the config page does: proxy (server side), then instances. */
  save(jsonData: Partial<ChoreoOptions>, secret?: string): void;
  close(): Promise<void>;
}

export function instanceSettings(
  url: string,
  jsonData: ChoreoOptions,
  identity: { uid?: string; name?: string } = {}
): DataSourceInstanceSettings<ChoreoOptions> {
  return {
    uid: identity.uid ?? DS_UID,
    type: PLUGIN_ID,
    name: identity.name ?? 'Choreo Insights',
    access: 'proxy',
    url,
    jsonData,
    readOnly: false,
    meta: { id: PLUGIN_ID } as DataSourceInstanceSettings['meta'],
  };
}

function initialJsonData(opts: StackOptions, emulator: Emulator): ChoreoOptions {
  if (opts.jsonData === null) {
    return {};
  }
  if (typeof opts.jsonData === 'function') {
    return opts.jsonData(emulator);
  }
  return {
    consumerKey: DEMO_CREDENTIALS.consumerKey,
    orgHandle: DEMO_CREDENTIALS.orgHandle,
    orgUuid: DEMO_CREDENTIALS.orgUuid,
    tokenUrl: emulator.tokenUrl,
    apiUrl: emulator.apiUrl,
    ...opts.jsonData,
  };
}

interface Plugin {
  DataSource: typeof import('../../src/datasource').DataSource;
}

/** The plugin's modules, loaded once a DOM exists (jest's jsdom, or testing/node/withDom). */
async function loadPlugin(): Promise<Plugin> {
  const { DataSource } = await import('../../src/datasource');
  return { DataSource };
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({
    port: opts.emulatorPort ?? 0,
    host: '127.0.0.1',
    now: opts.now,
    tokenTtlSeconds: opts.tokenTtlSeconds,
    maxPageSize: opts.maxPageSize,
  });
  let proxy: GrafanaProxy | undefined;
  try {
    const initial = initialJsonData(opts, emulator);
    let jsonData = initial;
    const secret =
      opts.secret === null || opts.jsonData === null ? null : (opts.secret ?? DEMO_CREDENTIALS.consumerSecret);
    const identity = { id: opts.datasource?.id ?? 7, uid: opts.datasource?.uid ?? DS_UID, name: opts.datasource?.name };
    const started = await startGrafanaProxy({
      now: opts.now,
      upstreamTimeoutMs: opts.upstreamTimeoutMs,
      datasource: {
        id: identity.id,
        uid: identity.uid,
        jsonData: { ...jsonData },
        secureJsonData: secret === null ? {} : { consumerSecret: secret },
      },
    });
    proxy = started;
    const templateSrv = new TemplateSrvFake(opts.variables ?? []);
    let browser: TestBackendSrv | undefined;
    let plugin: Plugin | undefined;
    if (opts.browser !== false) {
      const { installServices } = await import('./installServices');
      browser = nodeBackendSrv({ rootUrl: started.url });
      installServices(browser, templateSrv);
      plugin = await loadPlugin();
    }

    const save = (partial: Partial<ChoreoOptions>, newSecret?: string) => {
      jsonData = { ...jsonData, ...partial };
      started.updateDatasource({
        jsonData: { ...jsonData },
        ...(newSecret === undefined ? {} : { secureJsonData: { consumerSecret: newSecret } }),
      });
    };

    return {
      emulator,
      proxy: started,
      get browser(): TestBackendSrv {
        if (!browser) {
          throw new Error('startStack: started with browser: false');
        }
        return browser;
      },
      templateSrv,
      get jsonData() {
        return jsonData;
      },
      dataSource(partial, policy) {
        if (!plugin) {
          throw new Error('startStack: started with browser: false');
        }
        // Grafana's proxy renders the routes from the saved settings: save like the config page
        // does (a save also drops the cached token), but only when they change.
        if (partial) {
          const wanted = { ...initial, ...partial };
          if (JSON.stringify(wanted) !== JSON.stringify(jsonData)) {
            jsonData = wanted;
            started.updateDatasource({ jsonData: { ...jsonData } });
          }
        }
        // Retries on the test's clock, when given, instead of the real 1 s / 2 s waits.
        return new plugin.DataSource(instanceSettings(started.instanceUrl, jsonData, identity), {
          retryPolicy: policy ?? opts.retryPolicy,
        });
      },
      save,
      async close() {
        await started.close();
        // a test may have stopped the emulator already to simulate an outage
        await emulator.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await proxy?.close().catch(() => undefined);
    await emulator.close().catch(() => undefined);
    throw err;
  }
}

/** A retry policy that records the waits instead of sleeping. */
export function recordingPolicy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries: 2, maxTotalWaitMs: 10_000, baseDelayMs: 1_000, waits, sleep: async (ms) => void waits.push(ms) };
}

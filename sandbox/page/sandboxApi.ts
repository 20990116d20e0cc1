/**
 * The page's calls to the sandbox server itself (not part of Grafana's API): the emulator's
 * endpoints for the "demo credentials" shortcut, and saving the data source's settings to the
 * Grafana-faithful proxy.
 */
import type { ChoreoOptions, ChoreoSecureOptions } from '../../src/options';

export const SANDBOX_API = {
  info: '/__sandbox/info',
  datasource: '/__sandbox/datasource',
  stats: '/__sandbox/stats',
  events: '/__sandbox/events',
} as const;

export interface SandboxInfo {
  /** The data source as last saved on the server: jsonData and which secrets are set. */
  saved: { jsonData: ChoreoOptions; secureJsonFields: Record<string, boolean> };
  uid: string;
  instanceUrl: string;
  emulator: { url: string; tokenUrl: string; apiUrl: string };
  demo: { consumerKey: string; consumerSecret: string; orgHandle: string; orgUuid: string };
}

/** What Grafana's `PUT /api/datasources/uid/:uid` carries that matters to the proxy. */
export interface SaveRequest {
  jsonData: ChoreoOptions;
  /** New secret values only; a key set to '' is reset (removed), an absent key is unchanged. */
  secureJsonData: ChoreoSecureOptions;
}

export async function getInfo(): Promise<SandboxInfo> {
  const res = await fetch(SANDBOX_API.info);
  if (!res.ok) {
    throw new Error(`GET ${SANDBOX_API.info}: HTTP ${res.status}`);
  }
  return res.json();
}

export async function saveDatasource(body: SaveRequest): Promise<void> {
  const res = await fetch(SANDBOX_API.datasource, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`Saving the data source failed: HTTP ${res.status} ${await res.text()}`);
  }
}

import type { TestDataSourceResponse } from '@grafana/data';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

/**
 * "Save & test" covers both ways Grafana reaches Choreo with this plugin:
 *
 * - dashboards: the browser's own check (checkHealth.ts) through the plugin.json route, i.e.
 *   Grafana's data source proxy;
 * - alerting, recorded queries, public dashboards, server-side expressions: Grafana's server
 *   runs the plugin backend (pkg/), whose CheckHealth Grafana exposes as
 *   GET /api/datasources/uid/<uid>/health.
 *
 * The result says which path failed and why; a Grafana that has not started the backend
 * (older build of the plugin, no binary for the server's platform) leaves dashboards working
 * and is reported as a warning.
 */

export const BOTH_CONNECTED =
  "dashboards: connected through Grafana's proxy; alerting: connected through the plugin backend";

/** What Grafana's health endpoint said about the plugin backend. */
export type BackendHealth =
  | { kind: 'ok'; message: string }
  /** The backend ran its check and it failed (or Grafana said the check itself failed). */
  | { kind: 'error'; message: string; details?: string }
  /** Grafana has no running backend for the plugin: 404 / 501 / 503 / "plugin unavailable". */
  | { kind: 'notRunning'; status: number; message: string }
  /** Grafana refused or failed otherwise (403: the user's role, 5xx): the backend is unknown. */
  | { kind: 'unknown'; status: number; message: string };

interface HealthPayload {
  status?: string;
  message?: string;
  messageId?: string;
  details?: { message?: unknown };
}

/** Grafana's message ids (pkg/plugins/errors.go) for a backend it cannot call. */
const NOT_RUNNING_IDS = new Set(['plugin.notRegistered', 'plugin.unavailable', 'plugin.notImplemented']);
const NOT_RUNNING_TEXT = /plugin (unavailable|not found|not registered)|not implemented/i;

function payloadOf(data: unknown): HealthPayload {
  return data && typeof data === 'object' ? (data as HealthPayload) : {};
}

function detailsOf(p: HealthPayload): string | undefined {
  return typeof p.details?.message === 'string' && p.details.message ? p.details.message : undefined;
}

/** Classifies Grafana's answer to GET /api/datasources/uid/<uid>/health. */
export function classifyBackendHealth(status: number, data: unknown): BackendHealth {
  const p = payloadOf(data);
  const message = typeof p.message === 'string' ? p.message : '';
  if (status >= 200 && status < 300) {
    return p.status === 'OK'
      ? { kind: 'ok', message }
      : { kind: 'error', message: message || `the check ended with status ${p.status ?? 'unknown'}` };
  }
  // A check the backend ran and failed: Grafana answers 400 with the result.
  if (status === 400 && p.status === 'ERROR') {
    return { kind: 'error', message, details: detailsOf(p) };
  }
  if (
    status === 404 ||
    status === 501 ||
    status === 503 ||
    (p.messageId !== undefined && NOT_RUNNING_IDS.has(p.messageId)) ||
    NOT_RUNNING_TEXT.test(message)
  ) {
    return { kind: 'notRunning', status, message };
  }
  if (p.messageId === 'plugin.failedHealthCheck' || /health check failed/i.test(message)) {
    return {
      kind: 'error',
      message: `Grafana says the plugin backend's health check failed (HTTP ${status}: ${message})`,
    };
  }
  return { kind: 'unknown', status, message };
}

/** Asks Grafana's server to run the backend's CheckHealth. */
export async function fetchBackendHealth(uid: string, pluginId: string): Promise<BackendHealth> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<HealthPayload>({
        url: `/api/datasources/uid/${encodeURIComponent(uid)}/health`,
        method: 'GET',
        // The result is shown in the test's own alert, not as a toast.
        showErrorAlert: false,
        showSuccessAlert: false,
        // What DataSourceWithBackend sends (Grafana routes plugin requests by them).
        headers: { 'X-Plugin-Id': pluginId, 'X-Datasource-Uid': uid },
      })
    );
    return classifyBackendHealth(response.status, response.data);
  } catch (err) {
    if (isFetchError(err)) {
      return classifyBackendHealth(err.status ?? 0, err.data);
    }
    return { kind: 'unknown', status: 0, message: err instanceof Error ? err.message : String(err) };
  }
}

function quoted(message: string): string {
  return message ? ` "${message}"` : '';
}

function alertingPart(b: BackendHealth): string {
  switch (b.kind) {
    case 'ok':
      return 'alerting: connected through the plugin backend';
    case 'error':
      return `alerting: failed through the plugin backend: ${b.message}`;
    case 'notRunning':
      return 'alerting: unavailable, the plugin backend is not running';
    case 'unknown':
      return `alerting: the plugin backend could not be checked (Grafana answered HTTP ${b.status}${quoted(b.message)})`;
  }
}

/** What the alert's body adds to its title for the backend. */
function alertingDetail(b: BackendHealth): string | undefined {
  switch (b.kind) {
    case 'error':
      return b.details;
    case 'notRunning':
      return (
        `Grafana answered HTTP ${b.status}${quoted(b.message)} for the plugin backend's health check: alert rules, ` +
        "recorded queries and public dashboards cannot use this data source until Grafana's server loads the plugin's " +
        'backend (gpx_choreo_insights_<os>_<arch> in the plugin folder).'
      );
    default:
      return undefined;
  }
}

/**
 * One line each; Grafana's alert body may show them run together, so each of several lines ends
 * like a sentence.
 */
function joinLines(lines: string[]): string {
  return lines.length === 1 ? lines[0] : lines.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join('\n');
}

/**
 * Puts the two checks into the one answer "Save & test" shows: the title says each path's
 * outcome (and why it failed), the body keeps the browser's detail (the environments, the
 * settings to fix) and what the backend adds.
 */
export function combineHealth(browser: TestDataSourceResponse, backend: BackendHealth): TestDataSourceResponse {
  const dashboardsOk = browser.status === 'success';
  const dashboards = dashboardsOk
    ? "dashboards: connected through Grafana's proxy"
    : `dashboards: failed through Grafana's proxy: ${browser.message.replace(/\.$/, '')}`;
  const lines = [
    dashboardsOk ? browser.message : undefined,
    browser.details?.message,
    backend.kind === 'ok' && backend.message && backend.message !== browser.message
      ? `Plugin backend: ${backend.message}`
      : undefined,
    alertingDetail(backend),
  ].filter((line): line is string => !!line);
  const status = !dashboardsOk || backend.kind === 'error' ? 'error' : backend.kind === 'ok' ? 'success' : 'warning';
  return {
    status,
    message: status === 'success' ? BOTH_CONNECTED : `${dashboards}; ${alertingPart(backend)}`,
    ...(lines.length ? { details: { message: joinLines(lines) } } : {}),
  };
}

/**
 * The data source's testDatasource(): the browser's check through the route, then the
 * backend's through Grafana's health endpoint.
 */
export async function testBothPaths(
  ds: { uid: string; type: string },
  browserCheck: () => Promise<TestDataSourceResponse>
): Promise<TestDataSourceResponse> {
  let browser: TestDataSourceResponse;
  try {
    browser = await browserCheck();
  } catch (err) {
    browser = { status: 'error', message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}` };
  }
  return combineHealth(browser, await fetchBackendHealth(ds.uid, ds.type));
}

import type { DataSourceInstanceSettings, TestDataSourceResponse } from '@grafana/data';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { of, throwError } from 'rxjs';

import { DataSource } from '../datasource';
import type { ChoreoOptions } from '../options';
import { BOTH_CONNECTED, classifyBackendHealth, combineHealth, testBothPaths } from './bothPaths';

const ORG = '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42';
const CONNECTED = `Connected to organization ${ORG}: 3 environments (Development, Staging, Production)`;
const BROWSER_OK: TestDataSourceResponse = { status: 'success', message: CONNECTED };
const AUTH =
  'Choreo rejected the credentials: the Insights API answered 401, which Grafana reports as "Authentication to data source failed".';
const BROWSER_FAILED: TestDataSourceResponse = { status: 'error', message: AUTH };

let sent: BackendSrvRequest[];

/** backend_srv whose fetch answers each URL: a value is a 200 body, a function may throw. */
function grafana(answers: Record<string, { status: number; data: unknown }>) {
  sent = [];
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      sent.push(req);
      const a = answers[req.url];
      if (!a) {
        return throwError(() => ({ status: 404, data: { message: 'Not found' }, config: req }));
      }
      // backend_srv errors on non-2xx with {status, data} (isFetchError).
      return a.status >= 200 && a.status < 300
        ? of({ status: a.status, data: a.data, ok: true, config: req })
        : throwError(() => ({ status: a.status, data: a.data, config: req }));
    },
  } as unknown as BackendSrv);
}

const HEALTH_URL = '/api/datasources/uid/choreo-1/health';
const ds = { uid: 'choreo-1', type: 'choreo-insights-datasource' };
const health = (status: number, data: unknown) => grafana({ [HEALTH_URL]: { status, data } });

describe('Save & test: the dashboard path and the alerting path', () => {
  it('both connected: says so, keeps the environment list, asks Grafana for the backend health', async () => {
    health(200, { status: 'OK', message: CONNECTED });
    await expect(testBothPaths(ds, async () => BROWSER_OK)).resolves.toEqual({
      status: 'success',
      message: BOTH_CONNECTED,
      details: { message: CONNECTED },
    });
    expect(BOTH_CONNECTED).toBe(
      "dashboards: connected through Grafana's proxy; alerting: connected through the plugin backend"
    );
    expect(sent).toEqual([
      expect.objectContaining({
        url: HEALTH_URL,
        method: 'GET',
        showErrorAlert: false,
        headers: { 'X-Plugin-Id': 'choreo-insights-datasource', 'X-Datasource-Uid': 'choreo-1' },
      }),
    ]);
  });

  it('the backend failed: an error naming the alerting path and its reason', async () => {
    const refused =
      'Choreo\'s token endpoint refused the consumer key and secret: invalid_client (Client Authentication failed.). Check "Consumer key", "Consumer secret" and "Organization handle" in the data source settings.';
    health(400, { status: 'ERROR', message: refused });
    const result = await testBothPaths(ds, async () => BROWSER_OK);
    expect(result.status).toBe('error');
    expect(result.message).toBe(
      `dashboards: connected through Grafana's proxy; alerting: failed through the plugin backend: ${refused}`
    );
    expect(result.details?.message).toContain(CONNECTED);
  });

  it('the backend reports settings problems with their details', async () => {
    health(400, {
      status: 'ERROR',
      message: 'Consumer secret is required. (and 1 more setting to fix)',
      details: { message: 'Consumer secret is required.\nOrganization UUID is required.' },
    });
    const result = await testBothPaths(ds, async () => BROWSER_OK);
    expect(result.status).toBe('error');
    expect(result.details?.message).toContain('Consumer secret is required.\nOrganization UUID is required.');
  });

  it('the dashboard path failed: an error naming it, with the alerting result', async () => {
    health(200, { status: 'OK', message: CONNECTED });
    await expect(testBothPaths(ds, async () => BROWSER_FAILED)).resolves.toMatchObject({
      status: 'error',
      message: `dashboards: failed through Grafana's proxy: ${AUTH.replace(/\.$/, '')}; alerting: connected through the plugin backend`,
    });
  });

  it('both failed: both reasons', async () => {
    health(400, { status: 'ERROR', message: 'token refused' });
    const result = await testBothPaths(ds, async () => BROWSER_FAILED);
    expect(result.status).toBe('error');
    expect(result.message).toBe(
      `dashboards: failed through Grafana's proxy: ${AUTH.replace(/\.$/, '')}; alerting: failed through the plugin backend: token refused`
    );
  });

  it.each([
    [404, { message: 'Plugin not found', messageId: 'plugin.notRegistered', statusCode: 404 }, ' "Plugin not found"'],
    [503, { message: 'Plugin unavailable' }, ' "Plugin unavailable"'],
    [500, { message: 'Plugin unavailable', messageId: 'plugin.unavailable' }, ' "Plugin unavailable"'],
    [501, { message: 'Not implemented', messageId: 'plugin.notImplemented' }, ' "Not implemented"'],
    [404, '', ''],
  ])(
    'Grafana answers HTTP %s: the backend is not running, dashboards still work (a warning)',
    async (status, data, quoted) => {
      health(status, data);
      await expect(testBothPaths(ds, async () => BROWSER_OK)).resolves.toEqual({
        status: 'warning',
        message:
          "dashboards: connected through Grafana's proxy; alerting: unavailable, the plugin backend is not running",
        details: {
          message: `${CONNECTED}.\nGrafana answered HTTP ${status}${quoted} for the plugin backend's health check: alert rules, recorded queries and public dashboards cannot use this data source until Grafana's server loads the plugin's backend (gpx_choreo_insights_<os>_<arch> in the plugin folder).`,
        },
      });
    }
  );

  it('a backend that is not running does not hide a failed dashboard path', async () => {
    health(404, { message: 'Plugin not found' });
    const result = await testBothPaths(ds, async () => BROWSER_FAILED);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^dashboards: failed through Grafana's proxy: Choreo rejected the credentials/);
    expect(result.message).toContain('alerting: unavailable, the plugin backend is not running');
  });

  it('Grafana refuses the health check (a role without access): dashboards fine, alerting unknown', async () => {
    health(403, { message: 'Access denied to datasource' });
    const result = await testBothPaths(ds, async () => BROWSER_OK);
    expect(result).toMatchObject({
      status: 'warning',
      message:
        'dashboards: connected through Grafana\'s proxy; alerting: the plugin backend could not be checked (Grafana answered HTTP 403 "Access denied to datasource")',
    });
  });

  it('a browser check that throws is reported, and the backend still asked', async () => {
    health(200, { status: 'OK', message: CONNECTED });
    const result = await testBothPaths(ds, async () => {
      throw new Error('boom');
    });
    expect(result.message).toBe(
      "dashboards: failed through Grafana's proxy: Unexpected error: boom; alerting: connected through the plugin backend"
    );
    expect(sent).toHaveLength(1);
  });

  it.each([
    [200, { status: 'OK', message: 'm' }, 'ok'],
    [200, { status: 'UNKNOWN', message: 'm' }, 'error'],
    [400, { status: 'ERROR', message: 'm' }, 'error'],
    [500, { message: 'Plugin health check failed', messageId: 'plugin.failedHealthCheck' }, 'error'],
    [500, { message: 'Plugin request failed' }, 'unknown'],
    [0, undefined, 'unknown'],
  ])('classifies HTTP %s %j as %s', (status, data, kind) => {
    expect(classifyBackendHealth(status, data).kind).toBe(kind);
  });

  it('success with a backend message that differs keeps both', () => {
    expect(
      combineHealth(BROWSER_OK, { kind: 'ok', message: 'Connected to organization x: 1 environment (Dev)' })
    ).toEqual({
      status: 'success',
      message: BOTH_CONNECTED,
      details: { message: `${CONNECTED}.\nPlugin backend: Connected to organization x: 1 environment (Dev).` },
    });
  });
});

describe('DataSource.testDatasource', () => {
  it('checks the route first, then the backend through Grafana, and combines them', async () => {
    const settings: DataSourceInstanceSettings<ChoreoOptions> = {
      uid: 'choreo-1',
      type: 'choreo-insights-datasource',
      name: 'Choreo',
      access: 'proxy',
      url: '/api/datasources/proxy/uid/choreo-1',
      jsonData: { consumerKey: 'k', orgHandle: 'demo-org', orgUuid: ORG },
      readOnly: false,
      meta: { id: 'choreo-insights-datasource' } as DataSourceInstanceSettings['meta'],
    };
    const environments = ['Development', 'Staging', 'Production'].map((name, i) => ({ id: `e${i}`, name, type: 'x' }));
    grafana({
      '/api/datasources/proxy/uid/choreo-1/insights': {
        status: 200,
        data: JSON.stringify({ data: { listEnvironments: environments } }),
      },
      [HEALTH_URL]: { status: 200, data: { status: 'OK', message: CONNECTED } },
    });
    await expect(new DataSource(settings).testDatasource()).resolves.toEqual({
      status: 'success',
      message: BOTH_CONNECTED,
      details: { message: CONNECTED },
    });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/datasources/proxy/uid/choreo-1/insights',
      `GET ${HEALTH_URL}`,
    ]);
  });
});

import { AUTH_FAILED_MESSAGE } from '../../src/client/httpErrors';
import { DEMO_CREDENTIALS, OTHER_ORG_CREDENTIALS } from '../../emulator/demo';
import { startStack, type Stack } from '../stack/startStack';
import { proxyRequests, withoutBackend } from '../stack/health';

const CONNECTED = `Connected to organization ${DEMO_CREDENTIALS.orgUuid}: 3 environments (Development, Staging, Production)`;

describe('Connect: Save & test through the Grafana-faithful proxy against the emulator', () => {
  let clock = Date.parse('2026-11-25T12:00:00Z');
  const now = () => clock;
  let stack: Stack;

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T12:00:00Z');
    stack = await startStack({ now, tokenTtlSeconds: 900 });
  });
  afterEach(() => stack.close());

  it('succeeds with the demo credentials and lists the environments', async () => {
    await expect(stack.dataSource().testDatasource()).resolves.toEqual(
      withoutBackend({ status: 'success', message: CONNECTED })
    );
  });

  it("only calls the insights route and Grafana's health endpoint, never sends the secret or a token", async () => {
    await stack.dataSource().testDatasource();
    expect(stack.browser.requests.map((r) => `${r.method} ${new URL(r.url, stack.proxy.url).pathname}`)).toEqual([
      'POST /api/datasources/proxy/uid/choreo-it/insights',
      // The backend's check: Grafana's own API (not the proxy), which runs the plugin's CheckHealth.
      'GET /api/datasources/uid/choreo-it/health',
    ]);
    const seen = JSON.stringify(stack.browser.requests);
    expect(seen).not.toContain(DEMO_CREDENTIALS.consumerSecret);
    for (const token of stack.emulator.issuedTokens()) {
      expect(seen).not.toContain(token);
    }
    expect(stack.proxy.stats.unmatchedRequests).toBe(0);
  });

  it('reports a wrong secret as an authentication failure naming what to check', async () => {
    stack.save({}, 'not-the-secret');
    const result = await stack.dataSource().testDatasource();
    expect(result).toEqual(withoutBackend({ status: 'error', message: AUTH_FAILED_MESSAGE }));
  });

  it('reports a wrong organization handle as an authentication failure', async () => {
    stack.save({ orgHandle: 'no-such-org' });
    await expect(stack.dataSource().testDatasource()).resolves.toEqual(
      withoutBackend({ status: 'error', message: AUTH_FAILED_MESSAGE })
    );
  });

  it('names the Insights API URL setting when the URL is wrong (404)', async () => {
    const wrong = `${stack.emulator.url}/93tu/insights/9.9.9/query-api`;
    stack.save({ apiUrl: wrong });
    await expect(stack.dataSource().testDatasource()).resolves.toEqual(
      withoutBackend({
        status: 'error',
        message: `The Insights API was not found (HTTP 404) at ${wrong}. Check "Insights API URL" in the data source's Advanced settings.`,
      })
    );
  });

  it('says Grafana could not reach the API when the emulator is stopped (502)', async () => {
    const apiUrl = stack.emulator.apiUrl;
    await stack.emulator.close();
    const result = await stack.dataSource().testDatasource();
    expect(result).toEqual(
      withoutBackend({
        status: 'error',
        message: `Grafana could not reach the Insights API at ${apiUrl} (HTTP 502 Bad Gateway). Check "Insights API URL" in the data source's Advanced settings and that Grafana's server can reach that host.`,
      })
    );
  });

  it('shows a GraphQL error with its message', async () => {
    stack.emulator.setFaults({ graphqlError: 'Service temporarily unavailable' });
    const result = await stack.dataSource().testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(
      /^dashboards: failed through Grafana's proxy: Insights API error: Service temporarily unavailable/
    );
  });

  it('names a missing setting before calling Choreo at all', async () => {
    stack.save({ orgUuid: '' });
    await expect(stack.dataSource().testDatasource()).resolves.toEqual(
      withoutBackend({
        status: 'error',
        message: 'Organization UUID is required.',
        details: { message: 'Organization UUID is required.' },
      })
    );
    expect(proxyRequests(stack.browser)).toHaveLength(0);
  });

  it('hints at the org UUID when the organization has no environments', async () => {
    stack.save({ orgUuid: OTHER_ORG_CREDENTIALS.orgUuid });
    const result = await stack.dataSource().testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(
      new RegExp(`^dashboards: failed through Grafana's proxy: .*organization ${OTHER_ORG_CREDENTIALS.orgUuid}`)
    );
  });

  it('fetches one token for many requests', async () => {
    const ds = stack.dataSource();
    for (let i = 0; i < 5; i++) {
      await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    }
    expect(stack.proxy.stats.tokenRequests).toBe(1);
    expect(stack.emulator.stats.tokensIssued).toBe(1);
    expect(stack.emulator.stats.graphqlRequests).toBe(5);
  });

  it('replaces an expired token without the user noticing', async () => {
    const ds = stack.dataSource();
    await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    clock += 880_000; // still 20 s to live: reused
    await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    expect(stack.proxy.stats.tokenRequests).toBe(1);
    clock += 15_000; // 5 s to live: inside Grafana's 10 s margin, so a new token
    await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    expect(stack.proxy.stats.tokenRequests).toBe(2);
    clock += 3_600_000; // long past expiry at the STS too
    await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    expect(stack.proxy.stats.tokenRequests).toBe(3);
    expect(stack.emulator.stats.rejectedAuth).toBe(0);
  });

  it('keeps failing after a revoke until the data source is saved again', async () => {
    const ds = stack.dataSource();
    await expect(ds.testDatasource()).resolves.toEqual(withoutBackend({ status: 'success', message: CONNECTED }));
    stack.emulator.revokeAll();
    await expect(ds.testDatasource()).resolves.toEqual(
      withoutBackend({ status: 'error', message: AUTH_FAILED_MESSAGE })
    );
    stack.save({});
    await expect(stack.dataSource().testDatasource()).resolves.toEqual(
      withoutBackend({ status: 'success', message: CONNECTED })
    );
  });
});

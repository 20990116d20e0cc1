/** @jest-environment node */
import { GrafanaProxy, startGrafanaProxy } from './proxyServer';
import { PluginRoute } from './routes';
import { RecordingServer, Reply, startRecordingServer, tokenReply } from './testServers';

let upstream: RecordingServer;
let sts: RecordingServer;
let proxy: GrafanaProxy | undefined;
let clock = Date.parse('2024-01-01T00:00:00Z');
let tokenCounter = 0;
let tokenBody: () => Reply;

beforeAll(async () => {
  upstream = await startRecordingServer(() => ({ body: '{"ok":true}' }));
  sts = await startRecordingServer(() => tokenBody());
});
afterAll(async () => {
  await upstream.close();
  await sts.close();
});
beforeEach(() => {
  tokenCounter = 0;
  tokenBody = () => tokenReply({ access_token: `tok-${++tokenCounter}`, expires_in: 60 });
  upstream.requests.length = 0;
  sts.requests.length = 0;
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function startProxy(): Promise<GrafanaProxy> {
  const route: PluginRoute = {
    path: 'api',
    method: 'POST',
    url: '{{ .JsonData.apiUrl }}',
    tokenAuth: {
      url: '{{ .JsonData.tokenUrl }}/oauth2/token',
      params: {
        grant_type: 'client_credentials',
        client_id: '{{ .JsonData.clientId }}',
        client_secret: '{{ .SecureJsonData.secret }}',
        scope: 'a b',
      },
    },
  };
  proxy = await startGrafanaProxy({
    pluginJson: { routes: [route] },
    datasource: {
      id: 7,
      uid: 'ds-uid',
      jsonData: { apiUrl: upstream.url, tokenUrl: sts.url, clientId: 'my-client' },
      secureJsonData: { secret: 'p@ss&word' },
    },
    now: () => clock,
  });
  return proxy;
}

const call = (p: GrafanaProxy, body = '{}') =>
  fetch(`${p.instanceUrl}/api`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
const authHeaders = () => upstream.requests.map((r) => r.headers.authorization);

describe('tokenAuth (pkg/api/pluginproxy/token_provider_generic.go GetAccessToken)', () => {
  it('POSTs exactly the interpolated params as a sorted form, with no Authorization header', async () => {
    const p = await startProxy();
    await call(p);
    expect(sts.requests).toHaveLength(1);
    const req = sts.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/oauth2/token');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body).toBe('client_id=my-client&client_secret=p%40ss%26word&grant_type=client_credentials&scope=a+b');
    expect(authHeaders()).toEqual(['Bearer tok-1']);
  });

  it('reuses a token until 10 s before expires_in runs out, then fetches a new one', async () => {
    const p = await startProxy();
    await call(p);
    clock += 49_000; // 11 s left: still reused
    await call(p);
    clock += 1_000; // 10 s left: not "after now + 10s" any more
    await call(p);
    expect(authHeaders()).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    expect(p.stats.tokenRequests).toBe(2);
  });

  it('reads expires_on (Unix seconds, number or numeric string) in preference to expires_in', async () => {
    tokenBody = () =>
      tokenReply({ access_token: `tok-${++tokenCounter}`, expires_on: String(clock / 1000 + 20), expires_in: 3600 });
    const p = await startProxy();
    await call(p);
    await call(p);
    clock += 11_000;
    await call(p);
    expect(authHeaders()).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
  });

  it('without expires_on / expires_in fetches a new token for every request (jwtToken.UnmarshalJSON)', async () => {
    tokenBody = () => tokenReply({ access_token: `tok-${++tokenCounter}` });
    const p = await startProxy();
    await call(p);
    await call(p);
    expect(authHeaders()).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('saving the data source (updateDatasource) changes the cache key and forces a new token (getAccessTokenCacheKey)', async () => {
    const p = await startProxy();
    await call(p);
    p.updateDatasource({ jsonData: { ...p.datasource.jsonData } });
    await call(p);
    expect(authHeaders()).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('ignores the token endpoint status: an error JSON gives "Bearer " (empty token)', async () => {
    tokenBody = () => ({ status: 401, body: '{"error":"invalid_client"}' });
    const p = await startProxy();
    await call(p);
    expect(p.stats.lastUpstreamHeaders?.authorization).toBe('Bearer ');
    // HTTP parsers drop trailing whitespace from field values: the API receives "Bearer".
    expect(authHeaders()).toEqual(['Bearer']);
  });

  it('a non-JSON token response or a non-integer expiry means no Authorization header at all', async () => {
    tokenBody = () => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>bad gateway</html>' });
    const p = await startProxy();
    await call(p);
    tokenBody = () => tokenReply({ access_token: 'x', expires_in: 'soon' });
    await call(p);
    expect(authHeaders()).toEqual([undefined, undefined]);
    expect(p.stats.tokenErrors).toHaveLength(2);
  });

  it('serializes token fetches under one lock: concurrent first requests fetch one token (tokenCache.Lock)', async () => {
    tokenBody = () => ({ ...tokenReply({ access_token: `tok-${++tokenCounter}`, expires_in: 60 }), delayMs: 50 });
    const p = await startProxy();
    await Promise.all([call(p), call(p), call(p)]);
    expect(sts.requests).toHaveLength(1);
    expect(authHeaders()).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
  });
});

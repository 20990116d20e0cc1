/** @jest-environment node */
import { GrafanaProxy, GrafanaProxyOptions, startGrafanaProxy } from './proxyServer';
import { PluginRoute } from './routes';
import { RecordingServer, refusedUrl, startRecordingServer, tokenReply } from './testServers';

let upstream: RecordingServer;
let other: RecordingServer;
let sts: RecordingServer;
let proxy: GrafanaProxy | undefined;

beforeAll(async () => {
  upstream = await startRecordingServer(() => ({ body: '{"data":1}' }));
  other = await startRecordingServer(() => ({ body: '{"from":"ds-url"}' }));
  sts = await startRecordingServer(() => tokenReply({ access_token: 'tok', expires_in: 600 }));
});
afterAll(async () => {
  await Promise.all([upstream.close(), other.close(), sts.close()]);
});
beforeEach(() => {
  upstream.reply = () => ({ body: '{"data":1}' });
  upstream.requests.length = 0;
  other.requests.length = 0;
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

function route(extra: Partial<PluginRoute> = {}): PluginRoute {
  return {
    path: 'api',
    url: '{{ .JsonData.apiUrl }}/base',
    tokenAuth: { url: '{{ .JsonData.tokenUrl }}', params: { client_id: 'c' } },
    ...extra,
  };
}

async function start(routes: PluginRoute[], opts: Partial<GrafanaProxyOptions> = {}): Promise<GrafanaProxy> {
  proxy = await startGrafanaProxy({
    pluginJson: { routes },
    datasource: {
      id: 1,
      uid: 'abc',
      url: other.url,
      jsonData: { apiUrl: upstream.url, tokenUrl: sts.url },
      secureJsonData: {},
    },
    ...opts,
  });
  return proxy;
}

describe('data source proxy (pkg/api/pluginproxy/ds_proxy.go, pkg/util/proxyutil)', () => {
  it('sends a matched route to its url plus the rest of the path, keeping the query (director, ApplyRoute)', async () => {
    const p = await start([route()]);
    const res = await fetch(`${p.instanceUrl}/api/v1/items?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: 1 });
    expect(upstream.requests[0].url).toBe('/base/v1/items?x=1');
    expect(upstream.requests[0].headers.authorization).toBe('Bearer tok');
  });

  it('proxies a path matching no route to the data source url, without a token (validateRequest, director)', async () => {
    const p = await start([route()]);
    const res = await fetch(`${p.instanceUrl}/graphql`, { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ from: 'ds-url' });
    expect(other.requests[0].url).toBe('/graphql');
    expect(other.requests[0].headers.authorization).toBeUndefined();
    expect(p.stats.unmatchedRequests).toBe(1);
  });

  it('answers 403 for a route the caller role may not use (hasAccessToRoute)', async () => {
    const p = await start([route({ reqRole: 'Editor' })]);
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'plugin proxy route access denied' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('rewrites an upstream 401 into a plain-text 400 "Authentication to data source failed" (HandleRequest modifyResponse)', async () => {
    upstream.reply = () => ({
      status: 401,
      headers: { 'Content-Type': 'application/json' },
      body: '{"msg":"expired"}',
    });
    const p = await start([route()]);
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Authentication to data source failed');
  });

  it('passes other upstream errors through unchanged, minus Set-Cookie, plus CSP sandbox (proxyutil modifyResponse)', async () => {
    upstream.reply = () => ({
      status: 500,
      headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'a=b', 'X-Upstream': '1' },
      body: '{"errors":[]}',
    });
    const p = await start([route()]);
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(500);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-upstream')).toBe('1');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(await res.text()).toBe('{"errors":[]}');
  });

  it('answers 502 with an empty body when the upstream refuses the connection (reverse_proxy.go errorHandler)', async () => {
    const p = await start([route({ url: await refusedUrl() })]);
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('');
  });

  it('answers 504 when the upstream does not answer in time (reverse_proxy.go errorHandler)', async () => {
    upstream.reply = () => ({ delayMs: 2_000 });
    const p = await start([route()], { upstreamTimeoutMs: 200 });
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(504);
  });

  it("replaces the request body with the route's interpolated body (utils.go setBodyContent)", async () => {
    const p = await start([route({ body: { q: '{{ .JsonData.apiUrl | orEmpty }}' } })]);
    await fetch(`${p.instanceUrl}/api`, { method: 'POST', body: '{"from":"browser"}' });
    expect(upstream.requests[0].body).toBe(JSON.stringify({ q: upstream.url }));
    expect(upstream.requests[0].headers['content-length']).toBe(String(upstream.requests[0].body.length));
  });

  it('sets route headers over the browser ones and strips Cookie, Origin, Referer (addHeaders, ClearCookieHeader, PrepareProxyRequest)', async () => {
    const p = await start([route({ headers: [{ name: 'Content-Type', content: 'application/json' }] })]);
    await fetch(`${p.instanceUrl}/api`, {
      method: 'POST',
      body: '{}',
      headers: {
        'Content-Type': 'text/plain',
        Cookie: 'grafana_session=s',
        Origin: 'http://grafana',
        Referer: 'http://grafana/d/x',
        'X-Forwarded-Host': 'evil',
      },
    });
    const h = upstream.requests[0].headers;
    expect(h['content-type']).toBe('application/json');
    expect(h.cookie).toBeUndefined();
    expect(h.origin).toBeUndefined();
    expect(h.referer).toBeUndefined();
    expect(h['x-forwarded-host']).toBeUndefined();
    expect(h['x-grafana-referer']).toBe('http://grafana/d/x');
    expect(h['user-agent']).toMatch(/^Grafana\//);
    // PrepareProxyRequest and httputil.ReverseProxy both append the client address.
    expect(h['x-forwarded-for']).toBe('127.0.0.1, 127.0.0.1');
  });

  it('turns X-DS-Authorization (set by backend_srv.ts) back into Authorization (director)', async () => {
    const p = await start([]);
    await fetch(`${p.instanceUrl}/anything`, { headers: { 'X-DS-Authorization': 'Basic abc' } });
    expect(other.requests[0].headers.authorization).toBe('Basic abc');
    expect(other.requests[0].headers['x-ds-authorization']).toBeUndefined();
  });

  it('fails loudly (500 from the utility) when a route template is outside the supported subset', async () => {
    const p = await start([route({ url: '{{ if .JsonData.apiUrl }}x{{ end }}' })]);
    const res = await fetch(`${p.instanceUrl}/api`);
    expect(res.status).toBe(500);
    expect(p.stats.utilityErrors[0]).toMatch(/outside the supported subset/);
  });
});

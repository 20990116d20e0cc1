/** @jest-environment node */
import { interpolateGoTemplate, TemplateData } from './goTemplate';
import { loadPluginJson } from './proxyServer';
import { matchRoute, PluginRoute } from './routes';

// The real src/plugin.json, interpolated as pkg/api/pluginproxy/ds_auth_provider.go
// (ApplyRoute, interpolateAuthParams) would.
const routes: PluginRoute[] = loadPluginJson().routes ?? [];
const insights = routes.find((r) => r.path === 'insights');

function interpolate(data: TemplateData) {
  if (!insights?.url || !insights.tokenAuth) {
    throw new Error('src/plugin.json has no insights route with url and tokenAuth');
  }
  const params = insights.tokenAuth.params ?? {};
  return {
    url: interpolateGoTemplate(insights.url, data),
    tokenUrl: interpolateGoTemplate(insights.tokenAuth.url, data),
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, interpolateGoTemplate(v, data)])),
  };
}

describe('src/plugin.json routes (ds_auth_provider.go ApplyRoute / interpolateAuthParams)', () => {
  it('routes POST insights (and only POST) through the insights route', () => {
    const viewer = { role: 'Viewer' as const, actions: ['datasources:query'] };
    expect(matchRoute(routes, 'insights', 'POST', viewer)).toEqual({ kind: 'matched', route: insights });
    expect(matchRoute(routes, 'insights', 'GET', viewer).kind).toBe('none');
  });

  it("uses Choreo's public URLs and defaults when jsonData leaves them unset", () => {
    const out = interpolate({ JsonData: { consumerKey: 'ck' }, SecureJsonData: { consumerSecret: 'cs' } });
    expect(out.url).toBe('https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api');
    expect(out.tokenUrl).toBe('https://sts.choreo.dev/oauth2/token');
    expect(out.params).toEqual({
      grant_type: 'client_credentials',
      client_id: 'ck',
      client_secret: 'cs',
      orgHandle: '',
      scope: 'apim:api_manage',
    });
  });

  it('uses the configured URLs, scope and org handle when jsonData sets them (empty strings fall back)', () => {
    const out = interpolate({
      JsonData: { apiUrl: 'http://127.0.0.1:1/q', tokenUrl: 'http://127.0.0.1:2/t', orgHandle: 'acme', scope: 's' },
      SecureJsonData: {},
    });
    expect(out.url).toBe('http://127.0.0.1:1/q');
    expect(out.tokenUrl).toBe('http://127.0.0.1:2/t');
    expect(out.params).toMatchObject({ client_id: '', client_secret: '', orgHandle: 'acme', scope: 's' });
    expect(interpolate({ JsonData: { apiUrl: '' }, SecureJsonData: {} }).url).toMatch(/^https:\/\/choreocontrolplane/);
  });
});

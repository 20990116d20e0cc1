/** @jest-environment node */
import { applyRoute, Caller, matchRoute, PluginRoute } from './routes';

const viewer: Caller = { role: 'Viewer', actions: ['datasources:query'] };
const data = { JsonData: { host: 'https://api.example.com', key: 'k1' }, SecureJsonData: { token: 't0k' } };

describe('route matching (pkg/api/pluginproxy/ds_proxy.go validateRequest)', () => {
  const routes: PluginRoute[] = [
    { path: 'api/v1', method: 'GET', url: 'https://one' },
    { path: 'api', url: 'https://two' },
    { path: 'api/v1/special', url: 'https://never-reached' },
  ];

  it('takes the first route in file order whose cleaned path is a string prefix of the proxy path', () => {
    expect(matchRoute(routes, 'api/v1/special', 'GET', viewer)).toEqual({ kind: 'matched', route: routes[0] });
    expect(matchRoute(routes, 'apiv2', 'GET', viewer)).toEqual({ kind: 'matched', route: routes[1] });
    expect(matchRoute(routes, './api//v1/../v1/x', 'GET', viewer)).toEqual({ kind: 'matched', route: routes[0] });
    expect(matchRoute(routes, 'other', 'GET', viewer)).toEqual({ kind: 'none' });
  });

  it('matches method exactly (case-sensitive); empty or "*" matches any method', () => {
    expect(matchRoute(routes, 'api/v1/x', 'POST', viewer)).toEqual({ kind: 'matched', route: routes[1] });
    const lower: PluginRoute[] = [{ path: 'q', method: 'post' }];
    expect(matchRoute(lower, 'q', 'POST', viewer)).toEqual({ kind: 'none' });
    expect(matchRoute([{ path: 'q', method: '*' }], 'q', 'DELETE', viewer).kind).toBe('matched');
  });

  it('denies (403) a matched route whose reqRole / reqAction the caller lacks (hasAccessToRoute)', () => {
    const guarded: PluginRoute[] = [
      { path: 'admin', reqRole: 'Admin' },
      { path: 'act', reqAction: 'x:y' },
      { path: '' },
    ];
    expect(matchRoute(guarded, 'admin/x', 'GET', viewer).kind).toBe('denied');
    expect(matchRoute(guarded, 'admin/x', 'GET', { role: 'Admin', actions: [] }).kind).toBe('matched');
    expect(matchRoute(guarded, 'act', 'GET', viewer).kind).toBe('denied');
    expect(matchRoute(guarded, 'act', 'GET', { role: 'Viewer', actions: ['x:y'] }).kind).toBe('matched');
  });
});

describe('route application (pkg/api/pluginproxy/ds_auth_provider.go ApplyRoute, utils.go)', () => {
  const base = { origin: 'http://ds-url', path: '/ignored', query: 'b=2&a=1' };

  it('takes scheme/host/path from the interpolated url (dropping its query) and appends the rest of the path', () => {
    const route: PluginRoute = { path: 'api', url: '{{ .JsonData.host }}/base?dropped=1' };
    const applied = applyRoute(route, 'api/v1/items', base, data);
    expect(applied.target).toEqual({ origin: 'https://api.example.com', path: '/base/v1/items', query: 'a=1&b=2' });
  });

  it('adds urlParams (interpolated) and re-encodes the query sorted, Go style (addQueryString)', () => {
    const route: PluginRoute = {
      path: 'api',
      url: 'https://h',
      urlParams: [{ name: 'key', content: '{{ .JsonData.key }} x' }],
    };
    expect(applyRoute(route, 'api', base, data).target.query).toBe('a=1&b=2&key=k1+x');
  });

  it('sets interpolated headers and replaces the body with the interpolated route body (addHeaders, setBodyContent)', () => {
    const route: PluginRoute = {
      path: 'api',
      url: 'https://h',
      headers: [{ name: 'X-Key', content: '{{ .SecureJsonData.token }}' }],
      body: { apiKey: '{{ .SecureJsonData.token }}' },
    };
    const applied = applyRoute(route, 'api', base, data);
    expect(applied.headers).toEqual([['X-Key', 't0k']]);
    expect(applied.body).toBe('{"apiKey":"t0k"}');
  });
});

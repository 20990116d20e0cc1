/**
 * Builds the upstream request from the browser's, as DataSourceProxy.director in
 * pkg/api/pluginproxy/ds_proxy.go (wrapped by proxyutil.NewReverseProxy's wrapDirector) does.
 */
import { TemplateData } from './goTemplate';
import { clearCookieHeader, HeaderList, prepareProxyRequest } from './headers';
import { applyRoute, joinURLFragments, PluginRoute, UpstreamTarget } from './routes';
import { DatasourceKey, TokenCache, TokenError } from './tokenProvider';

export interface DirectorInput {
  route?: PluginRoute;
  proxyPath: string;
  rawQuery: string;
  headers: HeaderList;
  body: Buffer;
  remoteAddr: string;
  dsUrl: string;
  ds: DatasourceKey;
  data: TemplateData;
  userAgent: string;
  tokens: TokenCache;
  onTokenError: (err: Error) => void;
}

export interface DirectedRequest {
  url: string;
  originless: boolean;
  headers: HeaderList;
  body: Buffer;
}

/** pkg/api/datasource ValidateURL: a URL without "scheme://" gets "http://" prepended. */
export function dataSourceTarget(dsUrl: string): UpstreamTarget {
  const withScheme = /^[^:]*:\/\//.test(dsUrl) ? dsUrl : `http://${dsUrl}`;
  try {
    const u = new URL(withScheme);
    const hasPath = /^[^:]*:\/\/[^/?#]*\//.test(withScheme);
    return { origin: u.host ? `${u.protocol}//${u.host}` : '', path: hasPath ? u.pathname : '', query: '' };
  } catch {
    // e.g. "" -> "http://": Go parses it with an empty host and the transport fails (502).
    return { origin: '', path: '', query: '' };
  }
}

export async function direct(input: DirectorInput): Promise<DirectedRequest> {
  const h = input.headers;
  const base = dataSourceTarget(input.dsUrl);
  let target: UpstreamTarget = {
    origin: base.origin,
    path: joinURLFragments(base.path, input.proxyPath),
    query: input.rawQuery,
  };
  let body = input.body;

  // backend_srv.ts moves a plugin's Authorization header to X-DS-Authorization; put it back.
  const dsAuth = h.get('X-DS-Authorization');
  if (dsAuth) {
    h.del('X-DS-Authorization');
    h.set('Authorization', dsAuth);
  }
  // proxyutil.ApplyUserHeader with [dataproxy] send_user_header = false (the default).
  h.del('X-Grafana-User');
  const keepCookies = input.data.JsonData.keepCookies;
  clearCookieHeader(
    h,
    Array.isArray(keepCookies) ? keepCookies.filter((c): c is string => typeof c === 'string') : [],
    'grafana_session'
  );
  // [dataproxy] user_agent defaults to "Grafana/<version>"; forward_user_agent is off by default.
  h.set('User-Agent', input.userAgent);

  if (input.route) {
    const applied = applyRoute(input.route, input.proxyPath, target, input.data);
    target = applied.target;
    for (const [name, value] of applied.headers) {
      h.set(name, value);
    }
    if (applied.body !== undefined) {
      body = Buffer.from(applied.body);
      h.set('Content-Length', String(body.length));
    }
    const token = await routeToken(input);
    if (token !== undefined) {
      h.set('Authorization', `Bearer ${token}`);
    }
  }

  prepareProxyRequest(h, input.remoteAddr);
  const query = target.query ? `?${target.query}` : '';
  return { url: `${target.origin}${target.path}${query}`, originless: target.origin === '', headers: h, body };
}

/**
 * ds_auth_provider.go getTokenProvider: a non-empty jsonData.authenticationType overrides the
 * route's authType; only the generic provider (no authType, tokenAuth present) is emulated.
 * Any failure is logged by Grafana and the request goes on without a token.
 */
async function routeToken(input: DirectorInput): Promise<string | undefined> {
  const route = input.route;
  if (!route) {
    return undefined;
  }
  const override = input.data.JsonData.authenticationType;
  const authType = typeof override === 'string' && override !== '' ? override : (route.authType ?? '');
  if (authType !== '') {
    input.onTokenError(new TokenError(`authentication type '${authType}' is not emulated: no token attached`));
    return undefined;
  }
  if (!route.tokenAuth) {
    if (route.jwtTokenAuth) {
      input.onTokenError(new TokenError('jwtTokenAuth is not emulated: no token attached'));
    }
    return undefined;
  }
  try {
    return await input.tokens.getAccessToken(input.ds, route, input.data);
  } catch (err) {
    if (err instanceof TokenError) {
      input.onTokenError(err);
      return undefined;
    }
    throw err;
  }
}

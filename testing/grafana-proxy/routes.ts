/**
 * plugin.json route matching and application, as pkg/api/pluginproxy/ds_proxy.go
 * (`validateRequest`, `hasAccessToRoute`) and ds_auth_provider.go / utils.go (`ApplyRoute`,
 * `addQueryString`, `addHeaders`, `setBodyContent`) do it.
 */
import path from 'node:path';

import { interpolateGoTemplate, TemplateData } from './goTemplate';
import { encodeGoValues, parseGoQuery } from './goValues';

export interface RouteHeader {
  name: string;
  content: string;
}

export interface TokenAuth {
  url: string;
  scopes?: string[];
  params?: Record<string, string>;
}

export interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: string;
  reqAction?: string;
  url?: string;
  urlParams?: RouteHeader[];
  headers?: RouteHeader[];
  body?: unknown;
  authType?: string;
  tokenAuth?: TokenAuth;
  jwtTokenAuth?: TokenAuth;
}

export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

export interface Caller {
  role: OrgRole;
  /** RBAC actions the caller holds, for routes with `reqAction`. */
  actions: readonly string[];
}

const ROLE_RANK: Record<string, number> = { None: 0, Viewer: 1, Editor: 2, Admin: 3 };

/**
 * Default RBAC actions of Grafana's basic roles that matter for data source routes. An
 * approximation: real permissions come from Grafana's role registry and data source permissions.
 */
export function defaultActions(role: OrgRole): string[] {
  const viewer = ['datasources:query'];
  const editor = [...viewer, 'datasources:explore'];
  const admin = [...editor, 'datasources:read', 'datasources:write', 'datasources:create', 'datasources:delete'];
  return role === 'Admin' ? admin : role === 'Editor' ? editor : viewer;
}

export type RouteMatch =
  { kind: 'matched'; route: PluginRoute } | { kind: 'denied'; route: PluginRoute } | { kind: 'none' };

/** pkg/util/filepath CleanRelativePath: Clean(Join("/", p)) made relative to "/". */
export function cleanRelativePath(p: string): string {
  return path.posix.relative('/', path.posix.normalize(path.posix.join('/', p))) || '.';
}

/**
 * ds_proxy.go validateRequest: first route (file order) whose method equals the request's (or is
 * empty / "*") and whose cleaned path is a string prefix of the cleaned proxy path. The method
 * comparison is exact and case-sensitive. An access failure on that route stops the search (403).
 */
export function matchRoute(
  routes: readonly PluginRoute[],
  proxyPath: string,
  method: string,
  caller: Caller
): RouteMatch {
  for (const route of routes) {
    const routeMethod = route.method ?? '';
    if (routeMethod !== '' && routeMethod !== '*' && routeMethod !== method) {
      continue;
    }
    let r1 = cleanRelativePath(proxyPath);
    let r2 = cleanRelativePath(route.path);
    // grafana/grafana#116273: an empty path cleans to "." but must act as the empty prefix.
    if (r1 === '.' && proxyPath !== '.') {
      r1 = '';
    }
    if (r2 === '.' && route.path !== '.') {
      r2 = '';
    }
    if (!r1.startsWith(r2)) {
      continue;
    }
    return hasAccessToRoute(route, caller) ? { kind: 'matched', route } : { kind: 'denied', route };
  }
  return { kind: 'none' };
}

/** ds_proxy.go hasAccessToRoute: reqAction (RBAC) takes precedence over reqRole. */
function hasAccessToRoute(route: PluginRoute, caller: Caller): boolean {
  if (route.reqAction) {
    return caller.actions.includes(route.reqAction);
  }
  const required = route.reqRole !== undefined ? ROLE_RANK[route.reqRole] : undefined;
  if (required !== undefined) {
    return ROLE_RANK[caller.role] >= required;
  }
  return true;
}

/** pkg/util JoinURLFragments. */
export function joinURLFragments(a: string, b: string): string {
  if (b.length === 0) {
    return a;
  }
  const aslash = a.endsWith('/');
  const bslash = b.startsWith('/');
  if (aslash && bslash) {
    return a + b.slice(1);
  }
  if (!aslash && !bslash) {
    return `${a}/${b}`;
  }
  return a + b;
}

export interface UpstreamTarget {
  /** scheme + host (e.g. "https://example.com:8443"), or "" when the URL has none (Go then fails: 502). */
  origin: string;
  /** escaped path */
  path: string;
  /** raw query, without "?" */
  query: string;
}

export interface AppliedRoute {
  target: UpstreamTarget;
  /** header name -> value to set (overriding what the browser sent) */
  headers: Array<[string, string]>;
  /** replacement body, when the route has `body` */
  body?: string;
}

/**
 * ds_auth_provider.go ApplyRoute (without the token, see tokenProvider.ts): the route's `url`
 * supplies scheme, host and path only - its own query string is dropped - and the rest of the
 * proxy path after the route's raw `path` prefix is appended with JoinURLFragments.
 * addQueryString always re-encodes the query (sorted, Go escaping) even without urlParams.
 */
export function applyRoute(
  route: PluginRoute,
  proxyPath: string,
  current: UpstreamTarget,
  data: TemplateData
): AppliedRoute {
  const rest = proxyPath.startsWith(route.path) ? proxyPath.slice(route.path.length) : proxyPath;
  let target = { ...current };
  if (route.url !== undefined && route.url.length > 0) {
    const routeUrl = parseGoUrl(interpolateGoTemplate(route.url, data));
    target = { ...target, origin: routeUrl.origin, path: joinURLFragments(routeUrl.path, rest) };
  }
  const query = parseGoQuery(target.query);
  for (const param of route.urlParams ?? []) {
    query.push([interpolateGoTemplate(param.name, data), interpolateGoTemplate(param.content, data)]);
  }
  target.query = encodeGoValues(query);

  const headers: Array<[string, string]> = (route.headers ?? []).map((h) => [
    h.name,
    interpolateGoTemplate(h.content, data),
  ]);
  // setBodyContent: route.Body is a json.RawMessage, interpolated as its JSON text. Grafana keeps
  // the file's own formatting; a parsed plugin.json only lets us re-serialize it compactly.
  const body = route.body !== undefined ? interpolateGoTemplate(JSON.stringify(route.body), data) : undefined;
  return { target, headers, body };
}

/**
 * Approximates Go's url.Parse for scheme/host/path. Go accepts almost any string (e.g. the
 * literal "<no value>") as a scheme-less relative URL; the request then fails in the transport,
 * which the proxy turns into 502.
 */
export function parseGoUrl(raw: string): { origin: string; path: string } {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw)) {
    try {
      const u = new URL(raw);
      return {
        origin: `${u.protocol}//${u.host}`,
        path: u.pathname === '/' && !/^[^:]+:\/\/[^/]+\//.test(raw) ? '' : u.pathname,
      };
    } catch {
      return { origin: '', path: raw };
    }
  }
  return { origin: '', path: raw.split(/[?#]/)[0] };
}

/**
 * A stand-in for Grafana's data source proxy (`/api/datasources/proxy/uid/<uid>/...`), applying
 * the plugin's real plugin.json routes as pkg/api/pluginproxy/ds_proxy.go does. Tests point the
 * plugin's DataSource at `instanceUrl` and assert on what reached the upstream.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

import { direct } from './director';
import { TemplateData } from './goTemplate';
import { HeaderList, appendForwardedFor, removeHopByHopHeaders } from './headers';
import { sendRequest, TransportError } from './httpClient';
import { Caller, defaultActions, matchRoute, OrgRole, PluginRoute } from './routes';
import { TokenCache, TokenRequestRecord } from './tokenProvider';

export interface ProxyDatasource {
  id: number;
  uid: string;
  /** The data source's own URL; requests matching no route go there (without a token). */
  url?: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
  /** ISO time of the last save; part of the token cache key. */
  updated?: string;
}

export interface GrafanaProxyOptions {
  /** plugin.json contents; default: src/plugin.json of this repository. */
  pluginJson?: { routes?: PluginRoute[] };
  datasource: ProxyDatasource;
  port?: number;
  callerRole?: OrgRole;
  /** RBAC actions for routes with reqAction; default: an approximation of the role's. */
  callerActions?: string[];
  /** Upstream request timeout ([dataproxy] timeout, default 30 s) after which Grafana answers 504. */
  upstreamTimeoutMs?: number;
  /** Clock for token expiry (ms since epoch). */
  now?: () => number;
  /** Value of the User-Agent sent upstream ([dataproxy] user_agent). */
  userAgent?: string;
  /**
   * The plugin backend's CheckHealth, which Grafana runs for GET /api/datasources/uid/<uid>/health.
   * Without one the harness answers as Grafana does for a plugin whose backend is not running.
   */
  backendHealth?: (ds: ProxyDatasource) => Promise<BackendHealthResult>;
}

/** A CheckHealth result as Grafana's health endpoint returns it. */
export interface BackendHealthResult {
  status: 'OK' | 'ERROR';
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Grafana's answer when no backend is registered for the plugin (pkg/plugins/errors.go
 * ErrPluginNotRegistered, "Plugin not found", through response.ErrOrFallback).
 */
export const PLUGIN_NOT_REGISTERED = {
  message: 'Plugin not found',
  messageId: 'plugin.notRegistered',
  statusCode: 404,
  traceID: '',
};

export interface UpstreamRequestRecord {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  routePath?: string;
}

export interface ProxyStats {
  /** requests received on the proxy endpoint */
  proxiedRequests: number;
  /** GET /api/datasources/uid/<uid>/health requests (Grafana's own API, not the proxy) */
  healthRequests: number;
  /** requests that matched no route (sent to the data source url, without a token) */
  unmatchedRequests: number;
  deniedRequests: number;
  tokenRequests: number;
  tokenRequestLog: TokenRequestRecord[];
  /** what Grafana would log as "Failed to get access token" */
  tokenErrors: string[];
  /** template / configuration errors that made the utility answer 500 (see README) */
  utilityErrors: string[];
  upstreamRequests: UpstreamRequestRecord[];
  lastUpstreamHeaders?: Record<string, string>;
  lastUpstreamUrl?: string;
}

export interface GrafanaProxy {
  url: string;
  instanceUrl: string;
  readonly datasource: ProxyDatasource;
  readonly stats: ProxyStats;
  resetStats(): void;
  /** Like saving the data source: replaces the given fields and bumps `updated`. */
  updateDatasource(partial: Partial<Omit<ProxyDatasource, 'id' | 'uid'>>): void;
  close(): Promise<void>;
}

const PROXY_PATH = /^\/api\/datasources\/proxy\/(\d+|uid\/[\w-]+)\/?/;
const HEALTH_PATH = /^\/api\/datasources\/uid\/([\w-]+)\/health$/;

function emptyStats(): ProxyStats {
  return {
    proxiedRequests: 0,
    healthRequests: 0,
    unmatchedRequests: 0,
    deniedRequests: 0,
    tokenRequests: 0,
    tokenRequestLog: [],
    tokenErrors: [],
    utilityErrors: [],
    upstreamRequests: [],
  };
}

export function loadPluginJson(): { routes?: PluginRoute[] } {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../src/plugin.json'), 'utf8'));
}

export async function startGrafanaProxy(opts: GrafanaProxyOptions): Promise<GrafanaProxy> {
  const routes = (opts.pluginJson ?? loadPluginJson()).routes ?? [];
  const now = opts.now ?? (() => Date.now());
  const role = opts.callerRole ?? 'Viewer';
  const caller: Caller = { role, actions: opts.callerActions ?? defaultActions(role) };
  const ds: ProxyDatasource = {
    ...opts.datasource,
    updated: opts.datasource.updated ?? new Date(now()).toISOString(),
  };
  let stats = emptyStats();
  const tokens = new TokenCache({
    now,
    onTokenRequest: (record) => {
      stats.tokenRequests++;
      stats.tokenRequestLog.push(record);
    },
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      stats.utilityErrors.push(message);
      if (!res.headersSent) {
        // Not Grafana behaviour: Grafana would log the error and send the request on without the
        // route's settings. Failing loudly keeps an unsupported plugin.json from passing tests.
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end(`grafana-proxy test utility error: ${message}`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const [rawPath, ...queryParts] = (req.url ?? '/').split('?');
    const health = HEALTH_PATH.exec(rawPath);
    if (health && req.method === 'GET') {
      // pkg/api/datasources.go CheckDatasourceHealthWithUID: the backend's result, 400 unless OK.
      stats.healthRequests++;
      if (health[1] !== ds.uid) {
        writeJson(res, 404, { message: 'Data source not found' });
      } else if (!opts.backendHealth) {
        writeJson(res, 404, PLUGIN_NOT_REGISTERED);
      } else {
        const result = await opts.backendHealth(ds);
        writeJson(res, result.status === 'OK' ? 200 : 400, result);
      }
      return;
    }
    const m = PROXY_PATH.exec(rawPath);
    if (!m) {
      writeJson(res, 404, { message: 'Not found' });
      return;
    }
    const target = m[1];
    if (target !== `uid/${ds.uid}` && target !== String(ds.id)) {
      writeJson(res, 404, { message: 'Unable to find datasource' });
      return;
    }
    stats.proxiedRequests++;
    const proxyPath = rawPath.slice(m[0].length);
    const method = req.method ?? 'GET';
    const body = await readBody(req);

    const match = matchRoute(routes, proxyPath, method, caller);
    if (match.kind === 'denied') {
      stats.deniedRequests++;
      writeJson(res, 403, { message: 'plugin proxy route access denied' });
      return;
    }
    if (match.kind === 'none') {
      stats.unmatchedRequests++;
    }
    const route = match.kind === 'matched' ? match.route : undefined;
    const remoteAddr = req.socket.remoteAddress ?? '';
    const data: TemplateData = { JsonData: ds.jsonData, SecureJsonData: ds.secureJsonData };
    const directed = await direct({
      route,
      proxyPath,
      rawQuery: queryParts.join('?'),
      headers: HeaderList.fromRaw(req.rawHeaders),
      body,
      remoteAddr,
      dsUrl: ds.url ?? '',
      ds: { id: ds.id, updatedMs: Date.parse(ds.updated ?? '') || 0 },
      data,
      userAgent: opts.userAgent ?? 'Grafana/13.1.1',
      tokens,
      onTokenError: (err) => stats.tokenErrors.push(err.message),
    });

    // httputil.ReverseProxy after the Director: hop-by-hop headers go, X-Forwarded-For again.
    const h = directed.headers;
    removeHopByHopHeaders(h);
    appendForwardedFor(h, remoteAddr);
    h.del('Host');
    h.del('Content-Length');
    if (directed.body.length > 0) {
      h.set('Content-Length', String(directed.body.length));
    }
    // Go's Transport asks for gzip itself (and then un-gzips) when the client did not choose.
    const addedGzip = !h.has('Accept-Encoding') && !h.has('Range');
    if (addedGzip) {
      h.set('Accept-Encoding', 'gzip');
    }
    const record: UpstreamRequestRecord = {
      method,
      url: directed.url,
      headers: h.toRecord(),
      body: directed.body.toString('utf8'),
      routePath: route?.path,
    };
    stats.upstreamRequests.push(record);
    stats.lastUpstreamHeaders = record.headers;
    stats.lastUpstreamUrl = record.url;

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        abort.abort();
      }
    });
    try {
      const upstream = await sendRequest({
        method,
        url: directed.url,
        headers: h.toArray(),
        body: directed.body.length > 0 ? directed.body : undefined,
        timeoutMs: opts.upstreamTimeoutMs ?? 30_000,
        decodeGzip: addedGzip,
        signal: abort.signal,
      });
      writeUpstreamResponse(res, upstream.status, HeaderList.fromRaw(upstream.rawHeaders), upstream.body, addedGzip);
    } catch (err) {
      if (!(err instanceof TransportError)) {
        throw err;
      }
      // proxyutil/reverse_proxy.go errorHandler: status only, no body.
      const status = err.kind === 'canceled' ? 499 : err.kind === 'timeout' ? 504 : 502;
      res.writeHead(status);
      res.end();
    }
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    instanceUrl: `${url}/api/datasources/proxy/uid/${ds.uid}`,
    datasource: ds,
    get stats() {
      return stats;
    },
    resetStats() {
      stats = emptyStats();
    },
    updateDatasource(partial) {
      const previous = Date.parse(ds.updated ?? '') || 0;
      // Grafana keys tokens on Updated.Unix(): two saves within one second would keep the old
      // token. Tests expect a save to force a new one, so move at least one second forward.
      const updated = partial.updated ?? new Date(Math.max(now(), previous + 1000)).toISOString();
      Object.assign(ds, partial, { updated });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/**
 * ds_proxy.go HandleRequest's ModifyResponse (401 -> 400 "Authentication to data source failed",
 * with an empty header set) then proxyutil's modifyResponse (Set-Cookie removed,
 * Content-Security-Policy: sandbox), then ReverseProxy's copy without hop-by-hop headers. Go's
 * server sniffs a Content-Type for the rewritten body: text/plain; charset=utf-8.
 */
function writeUpstreamResponse(
  res: http.ServerResponse,
  status: number,
  headers: HeaderList,
  body: Buffer,
  decoded: boolean
): void {
  let outStatus = status;
  let outHeaders = headers;
  let outBody = body;
  if (status === 401) {
    outStatus = 400;
    outBody = Buffer.from('Authentication to data source failed');
    outHeaders = new HeaderList([['Content-Type', 'text/plain; charset=utf-8']]);
  }
  outHeaders.del('Set-Cookie');
  outHeaders.set('Content-Security-Policy', 'sandbox');
  removeHopByHopHeaders(outHeaders);
  if (decoded) {
    outHeaders.del('Content-Encoding');
  }
  outHeaders.set('Content-Length', String(outBody.length));
  res.writeHead(outStatus, outHeaders.toArray().flat());
  res.end(outBody);
}

function writeJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

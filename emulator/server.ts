import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { ControlTarget, handleControl } from './control';
import { DEMO_CREDENTIALS } from './demo';
import { Faults, decide, parseFaults } from './faults';
import { API_PATH, handleGraphql } from './graphqlHandler';
import { BodyTooLargeError, CORS_HEADERS, sendJson, send } from './httpHelpers';
import { handleRevoke, handleToken } from './oauth';
import { loadSchema } from './schema';
import { Stats, emptyStats } from './stats';
import { TokenStore } from './tokens';
import { warmUp } from './warmup';

export type { Faults } from './faults';
export type { Stats } from './stats';
export { API_PATH } from './graphqlHandler';

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Access token lifetime; default 900 (Choreo's console default). */
  tokenTtlSeconds?: number;
  /** Clock for token expiry, the "no data after now" cut-off and default ranges. */
  now?: () => number;
  /** Run typical queries in-process before listening, so first requests are fast. Default false. */
  warmUp?: boolean;
  /**
   * Serve at most this many rows per page whatever paginationFilter.limit asks, as a server
   * with a page size cap would (the total stays the full count). Default: no cap.
   */
  maxPageSize?: number;
  /**
   * Ingestion delay: a minute's requests become visible over this many minutes after it ends,
   * so the newest buckets keep growing, as in the live service. Default 0 (all at once).
   */
  lateDataMinutes?: number;
}

export interface Emulator {
  url: string;
  tokenUrl: string;
  revokeUrl: string;
  apiUrl: string;
  close(): Promise<void>;
  setFaults(f: Faults): void;
  clearFaults(): void;
  /** Changes the ingestion delay (EmulatorOptions.lateDataMinutes) from now on. */
  setLateData(minutes: number): void;
  /** Live counters (the same object across calls). */
  readonly stats: Stats;
  resetStats(): void;
  revokeAll(): void;
  /** Every access token issued so far, for secret-leak checks. */
  issuedTokens(): string[];
  /** Mints a token directly (e.g. without the required scope) for negative tests. */
  issueToken(opts?: { orgUuid?: string; scopes?: string[]; ttlSeconds?: number }): string;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const now = opts.now ?? Date.now;
  const ttl = opts.tokenTtlSeconds ?? 900;
  const schema = loadSchema();
  if (opts.warmUp) {
    await warmUp(schema, now());
  }
  const tokens = new TokenStore(now);
  const stats = emptyStats();
  let faults: Faults = {};
  let faultSequence = 0;
  let lateMs = (opts.lateDataMinutes ?? 0) * 60_000;

  const control: ControlTarget = {
    stats,
    faults: () => faults,
    setFaults: (f) => {
      faults = parseFaults(f);
      faultSequence = 0;
    },
    clearFaults: () => {
      faults = {};
      faultSequence = 0;
    },
    resetStats: () => Object.assign(stats, emptyStats()),
    revokeAll: () => tokens.revokeAll(),
    setLateData: (minutes: number) => {
      lateMs = minutes * 60_000;
    },
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path.startsWith('/__emulator/')) {
      await handleControl(req, res, path, control);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Access-Control-Max-Age': '600' });
      res.end();
      return;
    }
    const isPost = req.method === 'POST';
    if (isPost && path === '/oauth2/token') {
      stats.tokenRequests++;
    }
    if (isPost && path === API_PATH) {
      stats.graphqlRequests++;
      // What the client downloads, faulted answers included.
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        const chunk = args[0];
        if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
          stats.graphqlResponseBytes += Buffer.byteLength(chunk);
        }
        return end(...args);
      }) as ServerResponse['end'];
    }
    const fault = Object.keys(faults).length > 0 ? decide(faults, path, faultSequence++) : null;
    if (fault && fault.latencyMs > 0) {
      await new Promise((r) => setTimeout(r, fault.latencyMs));
    }
    if (fault?.echoAuthorization && path === API_PATH) {
      req.resume();
      // A gateway in a bad mood: the request echoed back, credentials included, and no message.
      send(
        res,
        400,
        JSON.stringify({ request: { headers: { authorization: req.headers.authorization ?? '' } } }),
        'application/json',
        {}
      );
      return;
    }
    if (fault?.response) {
      stats.faultedResponses++;
      // Drain the request so the client is not left writing into a closed socket.
      req.resume();
      const r = fault.response;
      send(res, r.status, r.body, r.contentType, r.headers);
      return;
    }
    if (path === '/oauth2/token' || path === '/oauth2/revoke' || path === API_PATH) {
      if (!isPost) {
        sendJson(res, 405, { error: 'method_not_allowed', error_description: 'Use POST' }, { Allow: 'POST, OPTIONS' });
        return;
      }
    }
    switch (path) {
      case '/oauth2/token':
        await handleToken(req, res, { tokens, ttlSeconds: () => ttl, onIssued: () => stats.tokensIssued++ });
        return;
      case '/oauth2/revoke':
        await handleRevoke(req, res, tokens);
        return;
      case API_PATH:
        await handleGraphql(req, res, {
          schema,
          tokens,
          now,
          onOperation: () => stats.graphqlOperations++,
          maxPageSize: fault?.maxPageSize ?? opts.maxPageSize,
          claimTotal: fault?.claimTotal,
          lateMs,
          onRejectedAuth: () => stats.rejectedAuth++,
          graphqlError: fault?.graphqlError,
          patch: fault?.patch,
        });
        return;
      case '/':
        sendJson(res, 200, {
          name: 'Choreo Insights emulator',
          tokenUrl: '/oauth2/token',
          revokeUrl: '/oauth2/revoke',
          apiUrl: API_PATH,
          control: ['GET /__emulator/stats', 'GET|POST|DELETE /__emulator/faults', 'POST /__emulator/reset'],
        });
        return;
      default:
        sendJson(res, 404, {
          code: '404',
          type: 'Status report',
          message: 'Not Found',
          description: `No resource at ${path}`,
        });
    }
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: e.message });
        return;
      }
      sendJson(res, 500, { error: 'internal_error', error_description: e instanceof Error ? e.message : String(e) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4000, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}`;

  return {
    url,
    tokenUrl: `${url}/oauth2/token`,
    revokeUrl: `${url}/oauth2/revoke`,
    apiUrl: `${url}${API_PATH}`,
    stats,
    setLateData: control.setLateData,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    setFaults: control.setFaults,
    clearFaults: control.clearFaults,
    resetStats: control.resetStats,
    revokeAll: control.revokeAll,
    issuedTokens: () => tokens.all(),
    issueToken: (o = {}) =>
      tokens.issue(
        'test-minted',
        o.orgUuid ?? DEMO_CREDENTIALS.orgUuid,
        o.scopes ?? ['apim:api_manage'],
        o.ttlSeconds ?? ttl
      ).token,
  };
}

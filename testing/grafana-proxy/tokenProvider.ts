/**
 * `tokenAuth` without `authType`, as pkg/api/pluginproxy/token_provider_generic.go
 * (genericAccessTokenProvider.GetAccessToken, jwtToken.UnmarshalJSON) and ds_auth_provider.go
 * (getTokenProvider, interpolateAuthParams) implement it.
 */
import { interpolateGoTemplate, TemplateData } from './goTemplate';
import { encodeGoValues } from './goValues';
import { sendRequest, TransportError } from './httpClient';
import { PluginRoute } from './routes';

/** token_provider_generic.go uses ds_proxy.go's package `client`: http.Client{Timeout: 30s}. */
export const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

interface CachedToken {
  accessToken: string;
  expiresOnMs: number;
}

export interface TokenRequestRecord {
  url: string;
  headers: Array<[string, string]>;
  body: string;
}

export interface TokenProviderOptions {
  now: () => number;
  onTokenRequest?: (record: TokenRequestRecord) => void;
}

export interface DatasourceKey {
  id: number;
  updatedMs: number;
}

/** Why no token was obtained; Grafana logs it and sends the request without Authorization. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

/**
 * Holds what Grafana keeps in the package-level `tokenCache` (a map guarded by one
 * sync.Mutex). The lock is held for the whole lookup-and-fetch, so token fetches are serialized
 * across all routes and data sources: concurrent first requests fetch once, not N times.
 * Here the cache lives per proxy instance so tests do not leak tokens into each other.
 */
export class TokenCache {
  private readonly cache = new Map<string, CachedToken>();
  private lock: Promise<void> = Promise.resolve();

  constructor(private readonly options: TokenProviderOptions) {}

  /** Resolves to the token, or rejects with TokenError where Go's GetAccessToken returns an error. */
  getAccessToken(ds: DatasourceKey, route: PluginRoute, data: TemplateData): Promise<string> {
    const run = this.lock.then(() => this.getLocked(ds, route, data));
    this.lock = run.then(
      () => undefined,
      () => undefined
    );
    return run;
  }

  private async getLocked(ds: DatasourceKey, route: PluginRoute, data: TemplateData): Promise<string> {
    const tokenAuth = route.tokenAuth;
    if (!tokenAuth) {
      throw new TokenError('route has no tokenAuth');
    }
    // getAccessTokenCacheKey: "%v_%v_%v_%v" of id, Updated.Unix() (whole seconds), path, method.
    const key = `${ds.id}_${Math.floor(ds.updatedMs / 1000)}_${route.path}_${route.method ?? ''}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresOnMs > this.options.now() + 10_000) {
      return cached.accessToken;
    }

    // interpolateAuthParams runs before the cache lookup in Grafana; a template error there means
    // no provider at all - the same outcome (no Authorization header).
    const url = interpolateGoTemplate(tokenAuth.url, data);
    const params = Object.entries(tokenAuth.params ?? {}).map(
      ([k, v]) => [k, interpolateGoTemplate(v, data)] as [string, string]
    );
    const body = encodeGoValues(params);
    // Exactly what Go's http.Client sends for this request: no Authorization, no Accept.
    const headers: Array<[string, string]> = [
      ['User-Agent', 'Go-http-client/1.1'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Length', String(Buffer.byteLength(body))],
      ['Accept-Encoding', 'gzip'],
    ];
    this.options.onTokenRequest?.({ url, headers, body });

    let responseBody: string;
    try {
      const res = await sendRequest({
        method: 'POST',
        url,
        headers,
        body: Buffer.from(body),
        timeoutMs: TOKEN_REQUEST_TIMEOUT_MS,
        decodeGzip: true,
      });
      // The status code is never looked at: an error JSON decodes to an empty access_token.
      responseBody = res.body.toString('utf8');
    } catch (err) {
      throw new TokenError(err instanceof TransportError ? err.message : String(err));
    }
    const token = decodeToken(responseBody, this.options.now());
    this.cache.set(key, token);
    return token.accessToken;
  }
}

/**
 * jwtToken.UnmarshalJSON through json.NewDecoder(...).Decode: access_token must be a string,
 * expires_on / expires_in are json.Number (a JSON number or a numeric string) read with Int64();
 * expires_on wins; with neither, ExpiresOn = now (cached but never reused). Field names match
 * case-insensitively, the last occurrence wins. Any failure is an error: no token, no header.
 */
export function decodeToken(text: string, nowMs: number): CachedToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Go's Decoder reads only the first JSON value; trailing garbage after a valid object would be
    // ignored there but is an error here (not modelled).
    throw new TokenError(`token response is not JSON: ${JSON.stringify(text.slice(0, 100))}`);
  }
  if (parsed === null) {
    return { accessToken: '', expiresOnMs: nowMs };
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TokenError('json: cannot unmarshal non-object token response');
  }
  let accessToken: unknown = '';
  let expiresOn: unknown = null;
  let expiresIn: unknown = null;
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    const lower = k.toLowerCase();
    if (lower === 'access_token') {
      accessToken = v;
    } else if (lower === 'expires_on') {
      expiresOn = v;
    } else if (lower === 'expires_in') {
      expiresIn = v;
    }
  }
  if (accessToken !== null && typeof accessToken !== 'string') {
    throw new TokenError('json: cannot unmarshal access_token into a Go string');
  }
  const token = { accessToken: accessToken ?? '', expiresOnMs: nowMs };
  if (expiresOn !== null) {
    token.expiresOnMs = goInt64(expiresOn, 'expires_on') * 1000;
  } else if (expiresIn !== null) {
    token.expiresOnMs = nowMs + goInt64(expiresIn, 'expires_in') * 1000;
  }
  return token;
}

/**
 * json.Number then Number.Int64() (strconv.ParseInt base 10): 3600 and "3600" work, 3600.5 and
 * "1e3" fail. JSON.parse loses the literal text, so 3600.0 / 1e3 (unquoted) pass here but not in Go.
 */
function goInt64(v: unknown, name: string): number {
  const text = typeof v === 'number' ? JSON.stringify(v) : typeof v === 'string' ? v : undefined;
  if (text === undefined || !/^-?\d+$/.test(text)) {
    throw new TokenError(`${name}: cannot read ${JSON.stringify(v)} as an int64`);
  }
  return Number(text);
}

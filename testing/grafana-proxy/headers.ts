/**
 * A case-insensitive, multi-valued header list with Go http.Header's Get/Set/Add/Del semantics,
 * and the header rewriting Grafana's data proxy does to requests and responses.
 */
export class HeaderList {
  private entries: Array<[string, string]>;

  constructor(entries: Iterable<readonly [string, string]> = []) {
    this.entries = [...entries].map(([k, v]) => [k, v]);
  }

  /** From node's rawHeaders (name, value, name, value, ...), keeping duplicates. */
  static fromRaw(raw: readonly string[]): HeaderList {
    const list = new HeaderList();
    for (let i = 0; i + 1 < raw.length; i += 2) {
      list.add(raw[i], raw[i + 1]);
    }
    return list;
  }

  get(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.entries.find(([k]) => k.toLowerCase() === lower)?.[1];
  }

  values(name: string): string[] {
    const lower = name.toLowerCase();
    return this.entries.filter(([k]) => k.toLowerCase() === lower).map(([, v]) => v);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: string): void {
    this.del(name);
    this.entries.push([name, value]);
  }

  add(name: string, value: string): void {
    this.entries.push([name, value]);
  }

  del(name: string): void {
    const lower = name.toLowerCase();
    this.entries = this.entries.filter(([k]) => k.toLowerCase() !== lower);
  }

  toArray(): Array<[string, string]> {
    return this.entries.map(([k, v]) => [k, v]);
  }

  /** Lower-cased names, values of repeated headers joined with ", " - for assertions. */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.entries) {
      const lower = k.toLowerCase();
      out[lower] = lower in out ? `${out[lower]}, ${v}` : v;
    }
    return out;
  }
}

/** net/http/httputil hopHeaders, removed by ReverseProxy from requests and responses. */
const HOP_HEADERS = [
  'Connection',
  'Proxy-Connection',
  'Keep-Alive',
  'Proxy-Authenticate',
  'Proxy-Authorization',
  'Te',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
];

/** httputil removeHopByHopHeaders: also drops the headers named in Connection. */
export function removeHopByHopHeaders(h: HeaderList): void {
  for (const value of h.values('Connection')) {
    for (const name of value.split(',')) {
      const trimmed = name.trim();
      if (trimmed) {
        h.del(trimmed);
      }
    }
  }
  for (const name of HOP_HEADERS) {
    h.del(name);
  }
}

/**
 * pkg/util/proxyutil ClearCookieHeader: drops Cookie except the names listed in
 * jsonData.keepCookies ("name", "prefix[]", "[]" = all), never the Grafana login cookie.
 */
export function clearCookieHeader(h: HeaderList, keepCookies: readonly string[], loginCookieName: string): void {
  const kept = new Map<string, string>();
  for (const header of h.values('Cookie')) {
    for (const pair of header.split(';')) {
      const eq = pair.indexOf('=');
      if (eq === -1) {
        continue;
      }
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const keep = keepCookies.some((k) =>
        k === '[]' ? true : k.endsWith('[]') ? name.startsWith(k.slice(0, -2)) : name === k
      );
      if (keep && name !== loginCookieName) {
        kept.set(name, value);
      }
    }
  }
  h.del('Cookie');
  const names = [...kept.keys()].sort();
  if (names.length > 0) {
    // req.AddCookie appends to one Cookie header, "; "-separated.
    h.set('Cookie', names.map((n) => `${n}=${kept.get(n)}`).join('; '));
  }
}

/**
 * proxyutil.PrepareProxyRequest: X-Grafana-Referer from Referer; Origin, Referer and
 * X-Forwarded-Host/Port/Proto removed; the client address appended to X-Forwarded-For.
 */
export function prepareProxyRequest(h: HeaderList, remoteAddr: string): void {
  h.set('X-Grafana-Referer', h.get('Referer') ?? '');
  h.del('Origin');
  h.del('Referer');
  h.del('X-Forwarded-Host');
  h.del('X-Forwarded-Port');
  h.del('X-Forwarded-Proto');
  if (remoteAddr) {
    const prior = h.get('X-Forwarded-For');
    h.set('X-Forwarded-For', prior ? `${prior}, ${remoteAddr}` : remoteAddr);
  }
}

/** Go's ReverseProxy does the same again after the Director, so the address appears twice. */
export function appendForwardedFor(h: HeaderList, remoteAddr: string): void {
  if (!remoteAddr) {
    return;
  }
  const prior = h.values('X-Forwarded-For');
  h.set('X-Forwarded-For', prior.length > 0 ? `${prior.join(', ')}, ${remoteAddr}` : remoteAddr);
}

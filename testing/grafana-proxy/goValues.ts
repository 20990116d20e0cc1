/**
 * How Go prints and encodes the values Grafana's proxy handles, so the test proxy produces the
 * same bytes: `fmt` `%v` (what text/template prints) and `url.Values.Encode` (the token form
 * body in token_provider_generic.go, the route query string in utils.go `addQueryString`).
 */

/** A template value: `missing` is Go's invalid reflect.Value (a map key that is not there). */
export type GoValue = { readonly kind: 'missing' } | { readonly kind: 'value'; readonly v: unknown };

export const MISSING: GoValue = { kind: 'missing' };

export function goValue(v: unknown): GoValue {
  return { kind: 'value', v };
}

/**
 * strconv.FormatFloat(x, 'g', -1, 64), which `%v` uses for float64: shortest digits, exponent
 * form when the exponent is < -4 or >= 6 (for the shortest precision Go fixes eprec at 6).
 * Integers print in full: Grafana's jsonData reaches the template either as json.Number
 * (simplejson UseNumber: the literal text) or, on newer versions, through Kubernetes'
 * unstructured decoding (int64 for integral values) - both print integers as plain digits.
 */
export function formatGoNumber(x: number): string {
  if (Number.isSafeInteger(x)) {
    return String(x);
  }
  if (!Number.isFinite(x)) {
    return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  }
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(x);
}

/** fmt's `%v` for the JSON-shaped values jsonData can hold (maps print with sorted keys). */
export function formatGoValue(value: GoValue): string {
  if (value.kind === 'missing') {
    // text/template printableValue: an invalid value prints as "<no value>".
    return '<no value>';
  }
  return formatPlain(value.v);
}

function formatPlain(v: unknown): string {
  if (v === null || v === undefined) {
    return '<nil>';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number') {
    return formatGoNumber(v);
  }
  if (typeof v === 'boolean') {
    return v ? 'true' : 'false';
  }
  if (Array.isArray(v)) {
    return `[${v.map(formatPlain).join(' ')}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareGoStrings(a, b));
    return `map[${entries.map(([k, item]) => `${k}:${formatPlain(item)}`).join(' ')}]`;
  }
  return String(v);
}

/** Go sorts strings bytewise (UTF-8); JS sorts by UTF-16 units, which differs outside ASCII. */
export function compareGoStrings(a: string, b: string): number {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}

/** net/url QueryEscape: only ALPHA / DIGIT / - _ . ~ stay; space becomes '+'. */
export function goQueryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** url.Values.Encode: keys sorted bytewise, values in insertion order per key. */
export function encodeGoValues(values: ReadonlyArray<readonly [string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of values) {
    const list = byKey.get(k) ?? [];
    list.push(v);
    byKey.set(k, list);
  }
  const keys = [...byKey.keys()].sort(compareGoStrings);
  const parts: string[] = [];
  for (const k of keys) {
    for (const v of byKey.get(k) ?? []) {
      parts.push(`${goQueryEscape(k)}=${goQueryEscape(v)}`);
    }
  }
  return parts.join('&');
}

/** url.ParseQuery as used by req.URL.Query(): malformed pairs are dropped, '+' means space. */
export function parseGoQuery(rawQuery: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '' || part.includes(';')) {
      continue;
    }
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    try {
      out.push([decodeQueryComponent(rawKey), decodeQueryComponent(rawValue)]);
    } catch {
      // Go skips pairs with a bad escape (and reports the first error, which Query() ignores).
    }
  }
  return out;
}

function decodeQueryComponent(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

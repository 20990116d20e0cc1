/**
 * How Go prints and encodes the values Grafana's proxy handles, so the test proxy produces the
 * same bytes: `fmt` `%v` (what text/template prints) and `url.Values.Encode` (the token form
 * body in token_provider_generic.go, the route query string in utils.go `addQueryString`).
 */

/**
 * A JSON number as Grafana's templates see it: jsonData is decoded with json.Decoder.UseNumber()
 * (simplejson), so numbers are json.Number - a string type printing the literal text as written,
 * and truthy in `or` / `if` because it is a non-empty string (`0` included).
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/**
 * jsonData as Grafana holds it: JSON null, bool, string, json.Number, []interface{} and
 * map[string]interface{}.
 */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value during template execution. `missing` is Go's invalid reflect.Value (a map key that is
 * not there). Besides jsonData values, literals give Go `int` (bigint) and `float64` (number).
 */
export type GoValue =
  { readonly kind: 'missing' } | { readonly kind: 'value'; readonly v: JsonValue | bigint | number };

export const MISSING: GoValue = { kind: 'missing' };

export function goValue(v: JsonValue | bigint | number): GoValue {
  return { kind: 'value', v };
}

/**
 * Decodes JSON text as Grafana decodes jsonData (json.Decoder.UseNumber): numbers become
 * JsonNumber with their literal text (`1.50`, `12345678901234567890`), which JSON.parse would lose.
 * Each number token outside a string is wrapped in a marker object that the reviver unwraps (the
 * marker key starts with NUL, which no real jsonData key does).
 */
export function decodeJsonUseNumber(text: string): JsonValue {
  const marker = '\u0000json.Number';
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `{${JSON.stringify(marker)}:"${token}"}`
  );
  return JSON.parse(marked, (_key, value: unknown) => {
    const numberText =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[marker] : undefined;
    return typeof numberText === 'string' ? new JsonNumber(numberText) : value;
  }) as JsonValue;
}

/**
 * The jsonData a test passes as a JS object, as Grafana would hold it after the browser saved it
 * with JSON.stringify and Grafana decoded it with UseNumber: a JS number becomes a JsonNumber
 * with JSON.stringify's text, non-finite numbers become null, undefined object values are dropped
 * and undefined array items become null. Anything JSON cannot hold throws.
 */
export function toJsonValue(v: unknown, path = 'jsonData'): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || v instanceof JsonNumber) {
    return v;
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) ? new JsonNumber(JSON.stringify(v)) : null;
  }
  if (Array.isArray(v)) {
    return v.map((item: unknown, i) => (item === undefined ? null : toJsonValue(item, `${path}[${i}]`)));
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(v)) {
      if (item !== undefined) {
        out[key] = toJsonValue(item, `${path}.${key}`);
      }
    }
    return out;
  }
  throw new TypeError(`${path} is not a JSON value: ${String(v)}`);
}

/**
 * fmt's `%v` for float64, i.e. strconv.FormatFloat(x, 'g', -1, 64): shortest digits, exponent
 * form when the exponent is < -4 or >= 6 (for the shortest precision Go fixes eprec at 6).
 * Only float literals in a template are float64: jsonData numbers are json.Number.
 */
export function formatGoFloat(x: number): string {
  if (Object.is(x, -0)) {
    return '-0';
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

/**
 * What text/template prints for a pipeline's value. An invalid value (missing key) prints
 * "<no value>" (exec.go printableValue), and so does a JSON null: evalPipeline replaces an
 * interface{} value by the value inside it, and a nil interface has none. Inside maps and slices
 * fmt prints a nil interface as "<nil>".
 */
export function formatGoValue(value: GoValue): string {
  if (value.kind === 'missing' || value.v === null) {
    return '<no value>';
  }
  return typeof value.v === 'number' ? formatGoFloat(value.v) : formatPlain(value.v);
}

/** fmt's `%v` for jsonData values (maps print with sorted keys) and int literals. */
function formatPlain(v: JsonValue | bigint): string {
  if (v === null) {
    return '<nil>';
  }
  if (v instanceof JsonNumber) {
    return v.text; // json.Number is a fmt.Stringer
  }
  if (typeof v !== 'object') {
    return String(v); // string, bool, int
  }
  if (Array.isArray(v)) {
    return `[${v.map(formatPlain).join(' ')}]`;
  }
  const entries = Object.entries(v).sort(([a], [b]) => compareGoStrings(a, b));
  return `map[${entries.map(([k, item]) => `${k}:${formatPlain(item)}`).join(' ')}]`;
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

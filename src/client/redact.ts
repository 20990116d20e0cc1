const REDACTED = '[redacted]';

// Credentials a text may carry when an upstream echoes a request back: bearer tokens,
// Authorization header values, OAuth2 token and secret fields, bare JWTs.
const PATTERNS: Array<[RegExp, string]> = [
  // A list of values (`"Authorization": ["Basic …"]`, how Go marshals http.Header) included.
  [/\b(x-ds-authorization|authorization)(["']?\s*[:=]\s*(?:\[\s*)?["']?)[^"'\r\n,;}\]]*/gi, `$1$2${REDACTED}`],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`],
  [
    /\b(access_token|refresh_token|id_token|client_secret|consumerSecret|consumer_secret)(["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, REDACTED],
];

/**
 * A text with credentials blanked out. Every text the plugin shows (errors, notices, the Query
 * inspector) passes through here, so a gateway that echoes the request's `Authorization` header
 * never puts Grafana's token on screen. The browser never knows the secret itself, so this works
 * by shape, not by value.
 */
export function redact(text: string): string {
  let out = text;
  for (const [re, to] of PATTERNS) {
    out = out.replace(re, to);
  }
  return out;
}

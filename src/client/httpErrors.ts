import { GRAFANA_AUTH_FAILED_TEXT } from '../constants';
import { InsightsError } from './errors';

/** Where the failing call went, so messages can name the setting to fix. */
export interface EndpointInfo {
  apiUrl: string;
  tokenUrl: string;
}

const EXCERPT_LENGTH = 200;

/**
 * The raw body of a failed response. Grafana's backend_srv (processRequestError) wraps a text
 * body as `{message, error: statusText, response: text}` before the plugin sees it.
 */
export function rawBody(body: unknown): unknown {
  const raw =
    body && typeof body === 'object' && typeof (body as { response?: unknown }).response === 'string'
      ? (body as { response: string }).response
      : body;
  // We ask for text responses, so a JSON error body (gateway errors, throttling) arrives as text.
  if (typeof raw === 'string' && /^\s*\{/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** A short, single-line excerpt of an error body: enough to recognise, never a wall of HTML. */
export function excerpt(body: unknown): string {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    // A GraphQL server's HTTP error (e.g. 400 for a bad granularity) says why in errors[].message.
    const graphqlMessages = Array.isArray(o.errors)
      ? o.errors.map((e: unknown) => (e as { message?: unknown } | null)?.message).filter((m) => typeof m === 'string')
      : [];
    const m = o.message ?? o.error_description ?? o.description ?? o.error ?? (graphqlMessages.join('; ') || undefined);
    text = typeof m === 'string' ? m : JSON.stringify(body);
  } else {
    return '';
  }
  if (looksLikeHtml(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? `an HTML page titled "${title}"` : 'an HTML page';
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/**
 * Seconds until WSO2 API Manager's `nextAccessTime` in a throttling body, written like
 * `2026-Nov-25 12:00:10+0000 UTC`. Grafana's backend_srv hides the headers of failed requests,
 * so this is the only wait a frontend data source can read.
 */
export function parseNextAccessTime(body: unknown, now = Date.now()): number | undefined {
  // WSO2 API Manager sends it flat, or wrapped in its fault object ({"fault": {..., "nextAccessTime"}}).
  const fault = own(body, 'fault');
  const value = own(body, 'nextAccessTime') ?? own(fault, 'nextAccessTime');
  let at: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Epoch milliseconds (or seconds, from gateways that send those).
    at = value < 1e11 ? value * 1000 : value;
  } else if (typeof value === 'string') {
    const m = /^(\d{4})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})/.exec(value.trim());
    if (m && Object.prototype.hasOwnProperty.call(MONTHS, m[2])) {
      const offsetMin = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
      at =
        Date.UTC(Number(m[1]), MONTHS[m[2]], Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) -
        offsetMin * 60_000;
    } else if (/^\d+$/.test(value.trim())) {
      const n = Number(value.trim());
      at = n < 1e11 ? n * 1000 : n;
    }
  }
  return at === undefined || !Number.isFinite(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The longest wait a message names; beyond it the server's time is not worth quoting. */
export const MAX_QUOTED_WAIT_SECONDS = 3600;

function own(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)
    ? (v as Record<string, unknown>)[key]
    : undefined;
}

function withDetail(message: string, body: unknown): string {
  const detail = excerpt(body);
  return detail ? `${message} Response: ${detail}` : message;
}

export const AUTH_FAILED_MESSAGE =
  'Choreo rejected the credentials: the Insights API answered 401, which Grafana reports as "Authentication to data source failed". ' +
  'Check the consumer key, consumer secret and organization handle, and that the Choreo application is subscribed to the Insights API. ' +
  'If the token was revoked, save the data source again so Grafana fetches a new one.';

/**
 * Maps an HTTP failure seen through Grafana's data source proxy to an InsightsError.
 * Status semantics follow Grafana's proxy: upstream 401 arrives as a 400 with a fixed text,
 * transport errors as 502, upstream timeouts as 504.
 */
export function httpError(status: number, data: unknown, endpoints: EndpointInfo): InsightsError {
  const body = rawBody(data);
  const text = typeof body === 'string' ? body.trim() : '';
  if (status === 401 || (status === 400 && text === GRAFANA_AUTH_FAILED_TEXT)) {
    return new InsightsError('auth', AUTH_FAILED_MESSAGE, { status });
  }
  switch (status) {
    case 0:
      return new InsightsError(
        'unreachable',
        "Could not reach Grafana's data source proxy: the browser's request failed before any answer."
      );
    case 400:
      return new InsightsError('badRequest', withDetail('The Insights API rejected the request (HTTP 400).', body), {
        status,
      });
    case 403:
      return new InsightsError(
        'forbidden',
        withDetail(
          'Access denied (HTTP 403). The token may lack the apim:api_manage scope, the application may not be subscribed to the Insights API, or your Grafana role may not allow querying this data source.',
          body
        ),
        { status }
      );
    case 404:
      return new InsightsError(
        'notFound',
        `The Insights API was not found (HTTP 404) at ${endpoints.apiUrl}. Check "Insights API URL" in the data source's Advanced settings.`,
        { status }
      );
    case 429: {
      const seconds = parseNextAccessTime(body);
      const wait =
        seconds === undefined
          ? 'Try again later.'
          : seconds > MAX_QUOTED_WAIT_SECONDS
            ? 'Try again later: it asks to wait more than an hour.'
            : `Retry after ${seconds} s.`;
      return new InsightsError('rateLimited', `The Insights API is rate limiting requests (HTTP 429). ${wait}`, {
        status,
        retryAfterSeconds: seconds,
      });
    }
    case 502:
      // Grafana's own 502 (it could not connect) has no body; a body came from a gateway in
      // front of the API, which Grafana did reach.
      if (excerpt(body)) {
        return new InsightsError(
          'server',
          withDetail(
            `A gateway in front of the Insights API at ${endpoints.apiUrl} answered HTTP 502 Bad Gateway: the API is failing behind it. Try again later.`,
            body
          ),
          { status }
        );
      }
      return new InsightsError(
        'unreachable',
        `Grafana could not reach the Insights API at ${endpoints.apiUrl} (HTTP 502 Bad Gateway). Check "Insights API URL" in the data source's Advanced settings and that Grafana's server can reach that host.`,
        { status }
      );
    case 504:
      return new InsightsError(
        'timeout',
        `The Insights API at ${endpoints.apiUrl} did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later.`,
        { status }
      );
    default: {
      if (status >= 500) {
        const seconds = status === 503 ? parseNextAccessTime(body) : undefined;
        return new InsightsError('server', withDetail(`The Insights API failed (HTTP ${status}).`, body), {
          status,
          retryAfterSeconds: seconds,
        });
      }
      return new InsightsError('badRequest', withDetail(`The Insights API answered HTTP ${status}.`, body), { status });
    }
  }
}

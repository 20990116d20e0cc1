/**
 * The one BackendSrv of the tests, the scripts, the bench and the sandbox page: it behaves like
 * Grafana's public/app/core/services/backend_srv.ts (with public/app/core/utils/fetch.ts) for
 * what a data source plugin can observe (error shapes, text bodies wrapped as {message, error,
 * response}, cancellation by requestId, X-DS-Authorization...), and records every request the
 * "browser" sends. What carries the request is injected: node:http in Node
 * (testing/grafana-proxy/httpFetch.ts, nodeBackendSrv), window.fetch in the sandbox page
 * (windowFetch). Only types come from @grafana/runtime: importing it needs a DOM.
 */
import { filter, lastValueFrom, Observable, Subject, throwError } from 'rxjs';

import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';

/** The part of a fetch() call the BackendSrv uses. */
export interface FetchInit {
  method: string;
  headers: Array<[string, string]>;
  body?: string;
  signal?: AbortSignal;
}

/** The part of a fetch() Response the BackendSrv reads (a browser Response is one). */
export interface FetchedResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  url: string;
  redirected: boolean;
  type: ResponseType;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob?(): Promise<Blob>;
}

/** Sends one request: the browser's fetch, or its stand-in over node:http. */
export type FetchTransport = (url: string, init: FetchInit) => Promise<FetchedResponse>;

/** The page's own window.fetch, with the session cookie (same origin) as Grafana's fetch sends it. */
export const windowFetch: FetchTransport = (url, init) => window.fetch(url, { ...init, credentials: 'same-origin' });

const CANCEL_ALL_REQUESTS_REQUEST_ID = 'cancel_all_requests_request_id';

export interface SentRequest {
  url: string;
  method: string;
  /** headers the page's code asked for (lower-cased names), before the browser adds its own */
  headers: Record<string, string>;
  body?: string;
  requestId?: string;
  /** The options the plugin's code gave fetch() (showErrorAlert, responseType...). */
  config: BackendSrvRequest;
}

export interface TestBackendSrvOptions {
  /** Grafana's root URL (the proxy's `url`, the page's origin); relative URLs resolve against it. */
  rootUrl: string;
  /** What sends the request: httpFetch in Node, windowFetch in a page. */
  transport: FetchTransport;
  /** Keep every request in `requests` (default true; a long-lived page turns it off). */
  record?: boolean;
  orgId?: number;
  /**
   * Headers the browser itself adds (session cookie, Origin, Referer, User-Agent), so tests can
   * check the proxy strips them. Not part of `requests`. A real browser (windowFetch) adds its
   * own: pass {}.
   */
  browserHeaders?: Record<string, string>;
}

type BodyType = NonNullable<BackendSrvRequest['responseType']>;

export class TestBackendSrv implements BackendSrv {
  /** Every request sent, in order. */
  readonly requests: SentRequest[] = [];
  private readonly inFlightRequests = new Subject<string>();
  private readonly rootUrl: string;
  private readonly browserHeaders: Record<string, string>;

  constructor(private readonly options: TestBackendSrvOptions) {
    this.rootUrl = options.rootUrl.replace(/\/+$/, '');
    this.browserHeaders = options.browserHeaders ?? {
      Cookie: 'grafana_session=test-session-cookie',
      Origin: this.rootUrl,
      Referer: `${this.rootUrl}/d/test-dashboard`,
      'User-Agent': 'Mozilla/5.0 (grafana-proxy test utility)',
      'Accept-Encoding': 'gzip, deflate, br',
    };
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const config = this.parseRequestOptions({ ...options, headers: { ...options.headers } });
      // A newer request with the same requestId cancels this one (handleStreamCancellation).
      if (config.requestId) {
        this.inFlightRequests.next(config.requestId);
      }
      const abort = new AbortController();
      const cancel = this.inFlightRequests
        .pipe(filter((id) => id === CANCEL_ALL_REQUESTS_REQUEST_ID || (!!config.requestId && id === config.requestId)))
        .subscribe(() => {
          abort.abort();
          // takeUntil + throwIfEmpty: the cancelled request errors with this object, unprocessed.
          subscriber.error({
            type: 'cancelled',
            cancelled: true,
            data: null,
            status: -1,
            statusText: 'Request was aborted',
            config,
          });
        });
      this.send<T>(config, abort.signal).then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (err: unknown) => {
          if (!abort.signal.aborted) {
            subscriber.error(processRequestError(err));
          }
        }
      );
      return () => {
        cancel.unsubscribe();
        // rxjs fromFetch aborts the HTTP request when unsubscribed before it finished.
        abort.abort();
      };
    });
  }

  request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return lastValueFrom(this.fetch<T>(options)).then((r) => r.data);
  }

  datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = unknown>(
    url: string,
    params?: BackendSrvRequest['params'],
    requestId?: string,
    options?: Partial<BackendSrvRequest>
  ) {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }

  post<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }

  patch<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }

  put<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }

  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    return throwError(() => new Error('TestBackendSrv.chunked is not implemented'));
  }

  resolveCancelerIfExists(requestId: string): void {
    this.inFlightRequests.next(requestId);
  }

  cancelAllInFlightRequests(): void {
    this.inFlightRequests.next(CANCEL_ALL_REQUESTS_REQUEST_ID);
  }

  private isLocalUrl(url: string): boolean {
    if (!/^https?:\/\//i.test(url)) {
      return true;
    }
    return new URL(url).origin === new URL(this.rootUrl).origin;
  }

  /** backend_srv.ts parseRequestOptions. */
  private parseRequestOptions(options: BackendSrvRequest): BackendSrvRequest {
    options.retry = options.retry ?? 0;
    if (this.isLocalUrl(options.url)) {
      const headers: Record<string, string> = options.headers ?? {};
      headers['X-Grafana-Org-Id'] = String(this.options.orgId ?? 1);
      if (options.url.startsWith('/')) {
        options.url = options.url.substring(1);
      }
      // A plugin's Authorization header would authenticate to Grafana; Grafana's proxy turns
      // X-DS-Authorization back into Authorization for the data source.
      if (headers.Authorization) {
        headers['X-DS-Authorization'] = headers.Authorization;
        delete headers.Authorization;
      }
      options.headers = headers;
    }
    return options;
  }

  private async send<T>(config: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
    const url = new URL(parseUrlFromOptions(config), `${this.rootUrl}/`).toString();
    const method = config.method ?? 'GET';
    const headers = parseHeaders(config);
    const body = parseBody(config, isContentTypeApplicationJson(headers));
    if (this.options.record !== false) {
      this.requests.push({
        url,
        method,
        headers: Object.fromEntries(headers),
        body,
        requestId: config.requestId,
        config,
      });
    }
    const wire = new Headers(headers);
    if (this.isLocalUrl(url)) {
      for (const [name, value] of Object.entries(this.browserHeaders)) {
        wire.set(name, value);
      }
    }
    const response = await this.options.transport(url, { method, headers: [...wire], body, signal });
    const responseType = config.responseType ?? (isContentTypeApplicationJson(response.headers) ? 'json' : undefined);
    const data = await parseResponseBody<T>(response, responseType);
    const fetchResponse: FetchResponse<T> = {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      data,
      headers: response.headers,
      url: response.url,
      type: response.type,
      redirected: response.redirected,
      config,
      traceId: response.headers.get('grafana-trace-id') ?? undefined,
    };
    if (!response.ok) {
      const fetchError: FetchError<T> = {
        status: response.status,
        statusText: response.statusText,
        data,
        config,
        traceId: fetchResponse.traceId,
      };
      throw fetchError;
    }
    return fetchResponse;
  }
}

/** fetch.ts parseHeaders: Accept default; Content-Type application/json for POST/PUT/PATCH. */
function parseHeaders(options: BackendSrvRequest): Headers {
  const headers = new Headers(options.headers);
  const method = options.method?.toLowerCase() ?? '';
  if (['post', 'put', 'patch'].includes(method) && !headers.get('content-type')) {
    headers.set('content-type', 'application/json');
  }
  if (!headers.get('accept')) {
    headers.set('accept', 'application/json, text/plain, */*');
  }
  return headers;
}

/** fetch.ts isContentTypeApplicationJson: an exact match, so "application/json; charset=utf-8" is not. */
function isContentTypeApplicationJson(headers: Headers): boolean {
  return headers.get('content-type')?.toLowerCase() === 'application/json';
}

/** fetch.ts parseBody: strings as they are, objects as JSON (or a form when not JSON). */
function parseBody(options: BackendSrvRequest, isAppJson: boolean): string | undefined {
  const data: unknown = options.data;
  if (!data || typeof data === 'string') {
    return typeof data === 'string' ? data : undefined;
  }
  return isAppJson ? JSON.stringify(data) : new URLSearchParams(data as Record<string, string>).toString();
}

/** fetch.ts parseUrlFromOptions / serializeParams. */
function parseUrlFromOptions(options: BackendSrvRequest): string {
  const params: Record<string, unknown> = options.params ?? {};
  const serialized = Object.entries(params)
    .filter(([, v]) => !(v === undefined || (hasLength(v) && v.length === 0)))
    .map(([key, value]) =>
      Array.isArray(value)
        ? value.map((item) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`).join('&')
        : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`
    )
    .join('&');
  return options.params && serialized.length ? `${options.url}?${serialized}` : options.url;
}

function hasLength(v: unknown): v is { length: number } {
  return typeof v === 'string' || Array.isArray(v);
}

/** fetch.ts parseResponseBody. */
async function parseResponseBody<T>(response: FetchedResponse, responseType?: BodyType): Promise<T> {
  switch (responseType) {
    case 'arraybuffer':
      return (await response.arrayBuffer()) as T;
    case 'blob':
      if (!response.blob) {
        throw new Error('TestBackendSrv: this transport gives no blob bodies');
      }
      return (await response.blob()) as T;
    case 'json':
      // Grafana: "An empty string is not a valid JSON" - a declared empty body gives {}.
      if (response.headers.get('Content-Length') === '0') {
        return {} as T;
      }
      return JSON.parse(await response.text());
    case 'text':
      return (await response.text()) as T;
  }
  const textData = await response.text();
  try {
    return JSON.parse(textData);
  } catch {
    return textData as T;
  }
}

/**
 * backend_srv.ts processRequestError (via handleStreamError's catchError): also applied to
 * network failures and JSON parse errors, which get `data = {message: 'Unexpected error'}`.
 * A string body becomes {message, error: statusText, response}.
 */
function processRequestError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) {
    return err;
  }
  const e = err as { data?: unknown; statusText?: string };
  e.data = e.data ?? { message: 'Unexpected error' };
  if (typeof e.data === 'string') {
    e.data = { message: e.data, error: e.statusText, response: e.data };
  }
  const data = e.data as { message?: unknown; error?: unknown };
  if (data && typeof data === 'object' && !data.message && typeof data.error === 'string') {
    data.message = data.error;
  }
  return err;
}

/**
 * Grafana's BackendSrv as far as a data source plugin can observe it, on top of window.fetch:
 * `fetch` returns an Observable of `{data, status, statusText, ok, headers, config}`, HTTP errors
 * are `{status, statusText, data, config}` objects (so `isFetchError` recognises them), and a
 * newer request with the same `requestId` cancels the older one like Grafana's does.
 */
import { lastValueFrom, Observable } from 'rxjs';

import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';

const inFlight = new Map<string, AbortController>();

function urlWithParams(url: string, params: BackendSrvRequest['params']): string {
  if (!params || typeof params !== 'object') {
    return url;
  }
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (v !== undefined && v !== null) {
      search.append(k, String(v));
    }
  }
  const qs = search.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

function requestBody(options: BackendSrvRequest, headers: Headers): BodyInit | undefined {
  const { data } = options;
  if (data === undefined || data === null) {
    return undefined;
  }
  if (typeof data === 'string' || data instanceof FormData || data instanceof Blob || data instanceof URLSearchParams) {
    return data;
  }
  if (!headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  return JSON.stringify(data);
}

async function readBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  if (responseType === 'blob') {
    return response.blob();
  }
  if (responseType === 'arraybuffer') {
    return response.arrayBuffer();
  }
  const text = await response.text();
  if (responseType === 'text') {
    return text;
  }
  // Grafana's parseResponseBody: JSON when it parses, the text otherwise (error pages).
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function cancelledError(config: BackendSrvRequest): FetchError {
  // Grafana also sets `type: 'cancelled'`, which FetchError does not declare.
  const error: FetchError & { type: string } = {
    type: 'cancelled',
    cancelled: true,
    data: null,
    status: -1,
    statusText: 'Request was aborted',
    config,
  };
  return error;
}

export function fetchObservable<T>(config: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const abort = new AbortController();
    if (config.requestId) {
      inFlight.get(config.requestId)?.abort();
      inFlight.set(config.requestId, abort);
    }
    let done = false;
    const headers = new Headers(config.headers as Record<string, string> | undefined);
    const body = requestBody(config, headers);
    window
      .fetch(urlWithParams(config.url, config.params), {
        method: config.method ?? 'GET',
        headers,
        body,
        credentials: 'same-origin',
        signal: abort.signal,
      })
      .then(async (response) => {
        const data = await readBody(response, config.responseType);
        if (!response.ok) {
          const error: FetchError = { status: response.status, statusText: response.statusText, data, config };
          throw error;
        }
        const result: FetchResponse<T> = {
          data: data as T,
          status: response.status,
          statusText: response.statusText,
          ok: response.ok,
          headers: response.headers,
          redirected: response.redirected,
          type: response.type,
          url: response.url,
          config,
        };
        done = true;
        subscriber.next(result);
        subscriber.complete();
      })
      .catch((err: unknown) => {
        done = true;
        if (abort.signal.aborted) {
          subscriber.error(cancelledError(config));
        } else if (err && typeof err === 'object' && 'status' in err) {
          subscriber.error(err);
        } else {
          // A transport failure: Grafana surfaces it without an HTTP status.
          const message = err instanceof Error ? err.message : String(err);
          const error: FetchError = { status: 0, statusText: message, data: { message }, config };
          subscriber.error(error);
        }
      })
      .finally(() => {
        if (config.requestId && inFlight.get(config.requestId) === abort) {
          inFlight.delete(config.requestId);
        }
      });
    return () => {
      if (!done) {
        abort.abort();
      }
    };
  });
}

async function request<T>(config: BackendSrvRequest): Promise<T> {
  const response = await lastValueFrom(fetchObservable<T>(config));
  return response.data;
}

export const sandboxBackendSrv: BackendSrv = {
  fetch: fetchObservable,
  request,
  datasourceRequest: <T>(config: BackendSrvRequest) => lastValueFrom(fetchObservable<T>(config)),
  get: <T>(url: string, params?: BackendSrvRequest['params'], requestId?: string) =>
    request<T>({ url, params, requestId, method: 'GET' }),
  delete: <T>(url: string, data?: unknown) => request<T>({ url, data, method: 'DELETE' }),
  post: <T>(url: string, data?: unknown) => request<T>({ url, data, method: 'POST' }),
  patch: <T>(url: string, data?: unknown) => request<T>({ url, data, method: 'PATCH' }),
  put: <T>(url: string, data?: unknown) => request<T>({ url, data, method: 'PUT' }),
  chunked: () => {
    throw new Error('chunked() is not supported by the sandbox BackendSrv');
  },
};

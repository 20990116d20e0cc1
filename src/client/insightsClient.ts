import { getBackendSrv, isFetchError } from '@grafana/runtime';
import {
  defer,
  from,
  Observable,
  of,
  retry,
  share,
  throwError,
  timer,
  catchError,
  map,
  tap,
  lastValueFrom,
} from 'rxjs';

import { shapeError } from '../catalog/answer';
import { message } from '../catalog/messages';
import { INSIGHTS_ROUTE } from '../constants';
import { InsightsError } from './errors';
import { textOf } from '../frames/depth';
import { excerpt, httpError, looksLikeHtml, type EndpointInfo } from './httpErrors';
import { redact } from './redact';
import { ResultCache } from './resultCache';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, type RetryPolicy } from './retryPolicy';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphQLErrorItem {
  message: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult<T> {
  data: T;
  /** Errors that came with usable data: show them as warnings, keep the data. */
  errors: GraphQLErrorItem[];
}

export interface RequestOptions {
  /** Shown in Grafana's request list and the Query inspector. */
  requestId?: string;
}

export interface ClientOptions {
  /** Successful responses are reused for this long; 0 (default) turns the cache off. */
  resultCacheTtlMs?: number;
  /** Clock for the result cache, for tests. */
  now?: () => number;
}

/** How long a call nobody waits for any more keeps going, for an identical request to join. */
export const IN_FLIGHT_GRACE_MS = 50;

/** Formats one GraphQL error as "message (at a.b.0)". */
export function describeGraphQLError(e: GraphQLErrorItem): string {
  const where = e.path?.length ? ` (at ${e.path.join('.')})` : '';
  return redact(`${e.message}${where}`);
}

/** What the runner and the metadata lists need of a client (tests and vectors give their own). */
export interface InsightsTransport {
  request<T>(request: GraphQLRequest, options?: RequestOptions): Observable<GraphQLResult<T>>;
  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>>;
}

/**
 * The only way this plugin talks to Choreo: POSTs GraphQL to the `insights` route of
 * plugin.json, where Grafana's backend attaches the OAuth2 token. It never calls another path:
 * Grafana would forward an unmatched path to the data source URL without a token.
 */
export class InsightsClient implements InsightsTransport {
  private readonly url: string;
  private readonly inFlight = new Map<string, Observable<GraphQLResult<unknown>>>();
  private readonly results: ResultCache<GraphQLResult<unknown>>;

  constructor(
    instanceUrl: string,
    private readonly endpoints: EndpointInfo,
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
    options: ClientOptions = {}
  ) {
    this.url = `${instanceUrl.replace(/\/+$/, '')}/${INSIGHTS_ROUTE}`;
    this.results = new ResultCache(options.resultCacheTtlMs ?? 0, options.now);
  }

  /**
   * One GraphQL request as an Observable of its one answer; unsubscribing cancels it. Throttled
   * (429) and unavailable (503) answers are retried. Identical requests in flight share one
   * call, which is cancelled only when no subscriber is left; with a result cache TTL a recent
   * successful answer is reused (key: route + body, which names this data source).
   */
  request<T>(request: GraphQLRequest, options: RequestOptions = {}): Observable<GraphQLResult<T>> {
    const key = `${this.url}\n${JSON.stringify(request)}`;
    return defer(() => {
      const cached = this.results.get(key);
      if (cached) {
        return of(cached);
      }
      let shared = this.inFlight.get(key);
      if (!shared) {
        shared = this.send(request, options).pipe(
          tap({
            next: (result) => {
              // Partial answers are not kept: their errors are often transient.
              if (!result.errors.length) {
                this.results.set(key, result);
              }
            },
            finalize: () => {
              if (this.inFlight.get(key) === shared) {
                this.inFlight.delete(key);
              }
            },
          }),
          // A refresh unsubscribes the old run before the new one subscribes: a short grace
          // (longer than the coalescing window) lets an identical new request join this call
          // instead of cancelling and resending it.
          share({ resetOnRefCountZero: () => timer(IN_FLIGHT_GRACE_MS) })
        );
        this.inFlight.set(key, shared);
      }
      return shared;
    }) as Observable<GraphQLResult<T>>;
  }

  /** The answer as a Promise, for callers outside a panel run (metadata lists, health). */
  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    return lastValueFrom(this.request<T>(request));
  }

  private send(request: GraphQLRequest, options: RequestOptions): Observable<GraphQLResult<unknown>> {
    const policy = this.retryPolicy;
    return defer(() => {
      // Per subscription: the retries of one call share one wait budget.
      let waited = 0;
      return getBackendSrv()
        .fetch<string>({
          url: this.url,
          method: 'POST',
          data: request,
          headers: { 'Content-Type': 'application/json' },
          // We parse the body ourselves: error pages are HTML or plain text, and JSON.parse is
          // the one pass over the payload we want to pay for.
          responseType: 'text',
          showErrorAlert: false,
          requestId: options.requestId,
        })
        .pipe(
          map((response) => this.parse(response.data)),
          catchError((err: unknown) => throwError(() => this.toInsightsError(err))),
          retry({
            count: policy.maxRetries,
            delay: (err: unknown, attempt: number) => {
              const delay = isRetryable(err) ? retryDelayMs(err, attempt - 1, waited, policy) : undefined;
              if (delay === undefined) {
                return throwError(() => err);
              }
              waited += delay;
              return from(policy.sleep(delay));
            },
          })
        );
    });
  }

  private toInsightsError(err: unknown): InsightsError {
    if (err instanceof InsightsError) {
      return err;
    }
    if (isFetchError(err)) {
      if (err.cancelled) {
        return new InsightsError('cancelled', 'The request was cancelled because a newer one replaced it.');
      }
      return httpError(err.status ?? 0, err.data, this.endpoints);
    }
    const message = err instanceof Error ? err.message : String(err);
    return new InsightsError('unreachable', `The request to the Insights API failed: ${message}`);
  }

  private parse(body: unknown): GraphQLResult<unknown> {
    return parseGraphQLBody(typeof body === 'string' ? this.parseJson(body) : body);
  }

  private parseJson(text: string): unknown {
    if (!text.trim()) {
      throw new InsightsError(
        'badResponse',
        `The Insights API answered with an empty body. Check "Insights API URL" (${this.endpoints.apiUrl}).`
      );
    }
    if (looksLikeHtml(text)) {
      throw new InsightsError(
        'badResponse',
        `The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (${this.endpoints.apiUrl}): it must be the GraphQL endpoint.`
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      // JSON that starts like JSON was cut off; anything else is some other service's text.
      const message = /^\s*[{[]/.test(text)
        ? `The Insights API answered with invalid JSON (${text.length} bytes, possibly truncated).`
        : `The Insights API answered with text instead of JSON: "${excerpt(text)}". Check "Insights API URL" (${this.endpoints.apiUrl}).`;
      throw new InsightsError('badResponse', message);
    }
  }
}

/**
 * A GraphQL response body read defensively: an object with `data` (an object) and maybe
 * `errors`; errors with no data fail with their messages, anything else with a message saying
 * what is wrong.
 */
export function parseGraphQLBody(payload: unknown): GraphQLResult<unknown> {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new InsightsError('badResponse', 'The Insights API answered with something that is not a GraphQL response.');
  }
  const { data, errors } = payload as { data?: unknown; errors?: unknown };
  const list = Array.isArray(errors) ? errors.map(toErrorItem) : [];
  if (data === null || data === undefined) {
    if (list.length) {
      throw new InsightsError(
        'graphql',
        message('graphqlErrors', { errors: list.map(describeGraphQLError).join('; ') })
      );
    }
    throw new InsightsError('badResponse', 'The Insights API answered without data or errors.');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw shapeError('data', data, 'an object');
  }
  return { data, errors: list };
}

/** One GraphQL error as the server may write it: a message and a path of names and indexes only. */
export function toErrorItem(e: unknown): GraphQLErrorItem {
  if (e && typeof e === 'object') {
    const o = e as Partial<GraphQLErrorItem>;
    const path =
      Array.isArray(o.path) && o.path.every((p) => typeof p === 'string' || typeof p === 'number') ? o.path : undefined;
    return {
      message: typeof o.message === 'string' ? o.message : textOf(e),
      path,
      locations: Array.isArray(o.locations) ? o.locations : undefined,
      extensions: o.extensions,
    };
  }
  return { message: textOf(e) };
}

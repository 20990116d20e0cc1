import { forkJoin, from, map, Observable, of, catchError, switchMap } from 'rxjs';

import { message } from '../../catalog/messages';
import { InsightsError, isInsightsError } from '../../client/errors';
import {
  describeGraphQLError,
  type GraphQLRequest,
  type GraphQLResult,
  type InsightsTransport,
} from '../../client/insightsClient';
import type { DocumentMerger } from './documentMerger';
import { onlyErrors, splitResponse, type MemberResult } from './splitResponse';

/** What one request of a batch got back: an answer, or why it has none. */
export type Outcome = { result: GraphQLResult<unknown> } | { error: unknown };

/** A member whose every field is null and that has errors failed, as a lone request would. */
function settle(result: MemberResult): Outcome {
  return onlyErrors(result)
    ? {
        error: new InsightsError(
          'graphql',
          message('graphqlErrors', { errors: result.errors.map(describeGraphQLError).join('; ') })
        ),
      }
    : { result };
}

/**
 * The requestId of one of several requests in flight at once: Grafana's backend_srv cancels an
 * in-flight request when another starts with the same requestId.
 */
export function subRequestId(requestId: string | undefined, suffix: string): string | undefined {
  return requestId ? `${requestId}-${suffix}` : undefined;
}

function alone(client: InsightsTransport, request: GraphQLRequest, requestId?: string): Observable<Outcome> {
  return client.request<unknown>(request, { requestId }).pipe(
    // The same rule as for a batch member: every field null with errors is a failure.
    map((result): Outcome => settle({ data: (result.data ?? {}) as Record<string, unknown>, errors: result.errors })),
    catchError((error: unknown) => of<Outcome>({ error }))
  );
}

function merged(
  client: InsightsTransport,
  merger: DocumentMerger,
  requests: GraphQLRequest[],
  requestId?: string
): Observable<Outcome[]> {
  const doc = merger.merge(requests.map((r) => r.query));
  if ('unmergeable' in doc) {
    return forkJoin(requests.map((r, k) => alone(client, r, subRequestId(requestId, `m${k}`))));
  }
  const variables = merger.variables(
    doc,
    requests.map((r) => r.variables)
  );
  return client
    .request<Record<string, unknown>>(
      { query: doc.document, variables, operationName: doc.operationName },
      { requestId }
    )
    .pipe(
      map((result) => splitResponse(doc, requests.length, result.data, result.errors).map(settle)),
      catchError((error: unknown) =>
        // The server refused the merged document as a whole (one hand-written query does not
        // validate, say): each request alone, so the error stays with the one that caused it.
        isInsightsError(error) && error.kind === 'graphql'
          ? forkJoin(requests.map((r, k) => alone(client, r, subRequestId(requestId, `m${k}`))))
          : of(requests.map((): Outcome => ({ error })))
      )
    );
}

/**
 * Sends a panel run's first requests as one GraphQL document in one POST (aliased fields,
 * renamed variables, split back per request). Documents that cannot be merged (fragments,
 * several operations, mutations) go alone at the same moment. graphql-js is loaded only when
 * two or more requests meet.
 */
export function sendBatch(
  client: InsightsTransport,
  merger: () => Promise<DocumentMerger>,
  requests: GraphQLRequest[],
  requestId?: string
): Observable<Outcome[]> {
  if (requests.length === 0) {
    return of([]);
  }
  if (requests.length === 1) {
    return alone(client, requests[0], requestId).pipe(map((o) => [o]));
  }
  return from(merger()).pipe(
    switchMap((m) => {
      const together: number[] = [];
      const single: number[] = [];
      requests.forEach((r, i) => (m.unmergeable(r.query) ? single : together).push(i));
      const parts: Array<Observable<Array<[number, Outcome]>>> = single.map((i) =>
        alone(client, requests[i], subRequestId(requestId, `q${i}`)).pipe(
          map((o): Array<[number, Outcome]> => [[i, o]])
        )
      );
      if (together.length === 1) {
        parts.push(
          alone(client, requests[together[0]], subRequestId(requestId, `q${together[0]}`)).pipe(
            map((o): Array<[number, Outcome]> => [[together[0], o]])
          )
        );
      } else if (together.length > 1) {
        parts.push(
          merged(
            client,
            m,
            together.map((i) => requests[i]),
            requestId
          ).pipe(map((outs) => outs.map((o, k): [number, Outcome] => [together[k], o])))
        );
      }
      return forkJoin(parts).pipe(
        map((groups) => {
          const out = new Array<Outcome>(requests.length);
          for (const [i, o] of groups.flat()) {
            out[i] = o;
          }
          return out;
        })
      );
    }),
    catchError((error: unknown) => of(requests.map((): Outcome => ({ error }))))
  );
}

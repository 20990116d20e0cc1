import type {
  DataFrame,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  QueryResultMetaNotice,
} from '@grafana/data';
import { catchError, defer, forkJoin, from, map, Observable, of, switchMap } from 'rxjs';

import { isInsightsError } from '../client/errors';
import { redact } from '../client/redact';
import { describeGraphQLError, type GraphQLRequest, type GraphQLResult } from '../client/insightsClient';
import { message } from '../catalog/messages';
import { migrateQuery } from '../migrations';
import { QueryType, type ChoreoQuery } from '../types';
import type { DocumentMerger } from './batch/documentMerger';
import { sendBatch, subRequestId, type Outcome } from './batch/sendBatch';
import type { RunnerDeps } from './deps';
import { pagingDeadline, remainingPages } from './pages';
import { prepareBuilderTarget } from './prepare';
import { isPrepared, type FailedTarget, type PlannedTarget, type PreparedTarget } from './target';

interface TargetResult {
  data: DataFrame[];
  error?: DataQueryError;
}

function failure(refId: string, err: unknown): FailedTarget {
  if (isInsightsError(err)) {
    return { refId, error: err.message, status: err.status };
  }
  // A bug of ours must still reach the panel as that query's error, not a blank panel.
  return { refId, error: redact(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`) };
}

/**
 * What a panel shows of a target, as every text leaves the runner: errors and notices redacted
 * (a saved value quoted in a message may hold a token), each notice text once.
 */
function shown(r: TargetResult): TargetResult {
  const data = r.data.map((f) => {
    const notices = f.meta?.notices;
    if (!notices?.length) {
      return f;
    }
    const seen = new Set<string>();
    const once = notices
      .map((n) => ({ ...n, text: redact(n.text) }))
      .filter((n) => !seen.has(n.text) && seen.add(n.text));
    return { ...f, meta: { ...f.meta, notices: once } };
  });
  return r.error ? { data, error: { ...r.error, message: redact(r.error.message ?? '') } } : { data };
}

export interface RunOptions {
  /** `variable`: each target answers a `text` / `value` frame (its list's variable spec). */
  output?: 'frames' | 'variable';
}

async function plan(
  query: ChoreoQuery,
  request: DataQueryRequest<ChoreoQuery>,
  deps: RunnerDeps,
  options: RunOptions
): Promise<PlannedTarget> {
  try {
    if (query.queryType === QueryType.GraphQL) {
      // graphql-js (parser, validator) loads on first use, in its own chunk.
      const { prepareGraphQLTarget } = await import('../graphql/prepareGraphQLTarget');
      return await prepareGraphQLTarget(query, request, deps);
    }
    const filters = request.filters ?? deps.adhocFilters?.() ?? [];
    return await prepareBuilderTarget(query, request, deps, options.output ?? 'frames', filters);
  } catch (err) {
    return failure(query.refId, err);
  }
}

/** Keeps the first of identical notices (pages of one query may warn alike). */
function dedupe(notices: QueryResultMetaNotice[]): QueryResultMetaNotice[] {
  const seen = new Set<string>();
  return notices.filter((n) => !seen.has(n.text) && seen.add(n.text));
}

function finish(
  target: PreparedTarget,
  outcomes: Outcome[],
  deps: RunnerDeps,
  deadline: number,
  requestId?: string
): Observable<TargetResult> {
  const failed = outcomes.find((o): o is { error: unknown } => 'error' in o);
  if (failed) {
    return of(asResult(failure(target.refId, failed.error)));
  }
  const answers = outcomes.map((o) => (o as { result: GraphQLResult<unknown> }).result);
  const first = {
    data: answers[0].data,
    errors: answers.flatMap((a) => a.errors),
    pages: 1 as number,
    notice: undefined as string | undefined,
  };
  const pager = answers.length === 1 ? target.pager : undefined;
  // The panel's targets may page at the same time: each its own requestId.
  const paged = pager
    ? defer(() => remainingPages(deps.client, pager, first, deadline, subRequestId(requestId, target.refId)))
    : of(first);
  return from(target.ready ?? Promise.resolve()).pipe(
    switchMap(() => paged),
    map((p): TargetResult => {
      const notices = [
        ...target.notices,
        ...p.errors.map((e): QueryResultMetaNotice => ({
          severity: 'warning',
          text: message('partialData', { error: describeGraphQLError(e) }),
        })),
        ...(p.notice ? [{ severity: 'warning' as const, text: p.notice }] : []),
      ];
      const datas = answers.length === 1 ? [p.data] : answers.map((a) => a.data);
      return { data: target.frames(datas, { errors: p.errors, pages: p.pages, notices: dedupe(notices) }) };
    }),
    catchError((err: unknown) => of(asResult(failure(target.refId, err))))
  );
}

/**
 * The first requests of a run, every target's in order: merged per panel here, or across
 * panels by a coalescing client.
 */
function send(
  deps: RunnerDeps,
  merger: () => Promise<DocumentMerger>,
  requests: GraphQLRequest[],
  requestId?: string
): Observable<Outcome[]> {
  if (!deps.coalescing || !requests.length) {
    return sendBatch(deps.client, merger, requests, requestId);
  }
  return forkJoin(
    requests.map((r, k) =>
      deps.client.request<unknown>(r, { requestId: subRequestId(requestId, `q${k}`) }).pipe(
        map((result): Outcome => ({ result })),
        catchError((error: unknown) => of<Outcome>({ error }))
      )
    )
  );
}

function asResult(t: FailedTarget): TargetResult {
  return { data: [], error: { refId: t.refId, message: t.error, status: t.status } };
}

/**
 * One panel run: every target validated and prepared, their first requests sent as one GraphQL
 * document (extra pages after), each answer turned into frames. A failing target becomes that
 * target's error; the others still return their frames. Unsubscribing (Grafana does when a newer
 * run of the panel starts) cancels the requests.
 */
export function runPanel(
  request: DataQueryRequest<ChoreoQuery>,
  deps: RunnerDeps,
  merger: () => Promise<DocumentMerger>,
  options: RunOptions = {}
): Observable<DataQueryResponse> {
  const targets = request.targets.map(migrateQuery).filter((t) => !t.hide);
  return defer(() => {
    const deadline = pagingDeadline(Date.now());
    return from(Promise.all(targets.map((t) => plan(t, request, deps, options)))).pipe(
      map((planned) => ({ planned, deadline }))
    );
  }).pipe(
    switchMap(({ planned, deadline }) => {
      const prepared = planned.filter(isPrepared);
      const requests = prepared.flatMap((p) => p.requests);
      return send(deps, merger, requests, request.requestId).pipe(
        switchMap((outcomes) => {
          let at = 0;
          const mine = prepared.map((p) => outcomes.slice(at, (at += p.requests.length)));
          return prepared.length
            ? forkJoin(prepared.map((p, i) => finish(p, mine[i], deps, deadline, request.requestId)))
            : of([]);
        }),
        map((results) => {
          const byRef = new Map(prepared.map((p, i) => [p, results[i]]));
          return planned.map((t): TargetResult => {
            if (isPrepared(t)) {
              return byRef.get(t)!;
            }
            return 'answered' in t ? { data: t.answered } : asResult(t);
          });
        })
      );
    }),
    map((all) => {
      const results = all.map(shown);
      const data = results.flatMap((r) => r.data);
      const errors = results.flatMap((r) => (r.error ? [r.error] : []));
      return errors.length ? { data, errors, error: errors[0] } : { data };
    })
  );
}

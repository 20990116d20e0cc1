import type {
  DataFrame,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  QueryResultMetaNotice,
} from '@grafana/data';
import { catchError, defer, forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { isInsightsError } from '../client/errors';
import { describeGraphQLError } from '../client/insightsClient';
import { message } from '../catalog/messages';
import { migrateQuery } from '../migrations';
import { QueryType, type ChoreoQuery } from '../types';
import type { DocumentMerger } from './batch/documentMerger';
import { sendBatch, subRequestId, type Outcome } from './batch/sendBatch';
import type { RunnerDeps } from './deps';
import { remainingPages } from './pages';
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
  return { refId, error: `Unexpected error: ${err instanceof Error ? err.message : String(err)}` };
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
    return await prepareBuilderTarget(query, request, deps, options.output ?? 'frames');
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
  outcome: Outcome,
  deps: RunnerDeps,
  requestId?: string
): Observable<TargetResult> {
  if ('error' in outcome) {
    return of(asResult(failure(target.refId, outcome.error)));
  }
  const first = {
    data: outcome.result.data,
    errors: outcome.result.errors,
    pages: 1 as number,
    notice: undefined as string | undefined,
  };
  // The panel's targets may page at the same time: each its own requestId.
  const paged = target.pager
    ? remainingPages(deps.client, target.pager, first, subRequestId(requestId, target.refId))
    : of(first);
  return paged.pipe(
    map((p): TargetResult => {
      const notices = [
        ...target.notices,
        ...p.errors.map((e): QueryResultMetaNotice => ({
          severity: 'warning',
          text: message('partialData', { error: describeGraphQLError(e) }),
        })),
        ...(p.notice ? [{ severity: 'warning' as const, text: p.notice }] : []),
      ];
      return { data: target.frames(p.data, { errors: p.errors, pages: p.pages, notices: dedupe(notices) }) };
    }),
    catchError((err: unknown) => of(asResult(failure(target.refId, err))))
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
  return defer(() => Promise.all(targets.map((t) => plan(t, request, deps, options)))).pipe(
    switchMap((planned) => {
      const prepared = planned.filter(isPrepared);
      return sendBatch(
        deps.client,
        merger,
        prepared.map((p) => p.request),
        request.requestId
      ).pipe(
        switchMap((outcomes) =>
          prepared.length ? forkJoin(prepared.map((p, i) => finish(p, outcomes[i], deps, request.requestId))) : of([])
        ),
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
    map((results) => {
      const data = results.flatMap((r) => r.data);
      const errors = results.flatMap((r) => (r.error ? [r.error] : []));
      return errors.length ? { data, errors, error: errors[0] } : { data };
    })
  );
}

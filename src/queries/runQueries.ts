import type { DataFrame, DataQueryError, DataQueryRequest, DataQueryResponse } from '@grafana/data';

import { isInsightsError } from '../client/errors';
import { applyFrameMeta } from '../frames/meta';
import { runGraphQLQuery } from '../graphql/runGraphQLQuery';
import { migrateQuery } from '../migrations';
import { QueryType, type ChoreoQuery } from '../types';
import { executedQueryString, fetchTarget } from './fetchTarget';
import { shapeOf } from './handler';
import { prepareTarget } from './prepareTarget';
import type { QueryDeps } from './queryDeps';
import { handlerFor } from './registry';

interface TargetResult {
  data: DataFrame[];
  error?: DataQueryError;
}

function fail(refId: string, message: string, status?: number): TargetResult {
  return { data: [], error: { refId, message, status } };
}

/** Keeps the first of identical notices (pages of one query may warn alike). */
function dedupe<T extends { text: string }>(notices: T[]): T[] {
  const seen = new Set<string>();
  return notices.filter((n) => !seen.has(n.text) && seen.add(n.text));
}

/**
 * One builder target: prepare (scope, time, checks), fetch (pages included), build frames.
 * The steps are separate so a later batcher can send several targets' documents in one POST.
 */
export async function runBuilderTarget(
  query: ChoreoQuery,
  request: DataQueryRequest<ChoreoQuery>,
  deps: QueryDeps
): Promise<TargetResult> {
  const handler = handlerFor(query.queryType);
  if (!handler) {
    return fail(query.refId, `Unknown query type "${String(query.queryType)}". Pick a query type in the editor.`);
  }
  const prepared = await prepareTarget(query, handler, request, deps);
  if ('error' in prepared) {
    return fail(query.refId, prepared.error);
  }
  const { ctx } = prepared;
  const fetched = await fetchTarget(handler, query, ctx, deps, `${request.requestId}-${query.refId}`);
  const frames = handler.toFrames(fetched.data, query, ctx);
  return {
    data: applyFrameMeta(frames, {
      refId: query.refId,
      shape: shapeOf(handler, query),
      executedQueryString: executedQueryString(fetched.built, fetched.pages),
      notices: dedupe(ctx.notices),
    }),
  };
}

async function runTarget(
  query: ChoreoQuery,
  request: DataQueryRequest<ChoreoQuery>,
  deps: QueryDeps
): Promise<TargetResult> {
  try {
    if (query.queryType === QueryType.GraphQL) {
      return await runGraphQLQuery(query, request, deps);
    }
    return await runBuilderTarget(query, request, deps);
  } catch (err) {
    if (isInsightsError(err)) {
      return fail(query.refId, err.message, err.status);
    }
    // A bug of ours must still reach the panel as that query's error, not a blank panel.
    return fail(query.refId, `Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Gives each of `count` targets its own deps (src/queries/batch: a client that batches the
 * targets' first requests), and is told when each target is done.
 */
export type PerTargetDeps = (count: number) => (index: number) => { deps: QueryDeps; done: () => void };

/**
 * Runs a panel's targets concurrently. A failing target becomes that target's error; the
 * others still return their frames.
 */
export async function runQueries(
  request: DataQueryRequest<ChoreoQuery>,
  deps: QueryDeps,
  perTarget?: PerTargetDeps
): Promise<DataQueryResponse> {
  const targets = request.targets.map(migrateQuery).filter((t) => !t.hide);
  const scope = perTarget?.(targets.length);
  const results = await Promise.all(
    targets.map((t, i) => {
      if (!scope) {
        return runTarget(t, request, deps);
      }
      const own = scope(i);
      return runTarget(t, request, own.deps).finally(own.done);
    })
  );
  const data = results.flatMap((r) => r.data);
  const errors = results.flatMap((r) => (r.error ? [r.error] : []));
  return errors.length ? { data, errors, error: errors[0] } : { data };
}

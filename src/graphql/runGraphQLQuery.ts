import type { DataQueryRequest } from '@grafana/data';

import type { QueryDeps } from '../queries/queryDeps';
import type { ChoreoQuery } from '../types';
import type { GraphQLQueryResult } from './executeGraphQLQuery';

export type { GraphQLQueryResult } from './executeGraphQLQuery';

export type GraphQLRequestInfo = Pick<
  DataQueryRequest<ChoreoQuery>,
  'range' | 'interval' | 'intervalMs' | 'scopedVars' | 'requestId'
>;

/**
 * Entry point for raw GraphQL targets, called by the query runner. graphql-js (parser,
 * validator, schema builder) is loaded on first use, in its own chunk: dashboards that only
 * use the builder never download it.
 */
export async function runGraphQLQuery(
  query: ChoreoQuery,
  request: GraphQLRequestInfo,
  deps: QueryDeps
): Promise<GraphQLQueryResult> {
  const { executeGraphQLQuery } = await import('./executeGraphQLQuery');
  return executeGraphQLQuery(query, request, deps);
}

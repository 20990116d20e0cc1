import type { DataFrame, DataQueryError, QueryResultMetaNotice } from '@grafana/data';

import { describeGraphQLError } from '../client/graphqlClient';
import type { QueryDeps } from '../queries/queryDeps';
import type { ChoreoQuery } from '../types';
import { buildMacros } from './macros';
import type { GraphQLRequestInfo } from './runGraphQLQuery';
import { ResponseMapper } from './responseMapper';
import { schemaProviderFor } from './schemaProvider';
import { formatProblem, validateGraphQL } from './validate';
import { buildVariables, parseVariablesJson } from './variables';

export interface GraphQLQueryResult {
  data: DataFrame[];
  error?: DataQueryError;
}

function fail(refId: string, message: string, status?: number): GraphQLQueryResult {
  return { data: [], error: { refId, message, status } };
}

/** What the query inspector shows: the document and the variables exactly as sent. */
export function executedQueryString(document: string, variables: Record<string, unknown>): string {
  return `${document.trim()}\n\n# variables\n${JSON.stringify(variables, null, 2)}`;
}

/**
 * Runs one raw GraphQL target. The document is validated again here (the editor's check may
 * not have run, e.g. for a dashboard loaded from JSON): an invalid document or a variable that
 * cannot be built is reported and never sent.
 */
export async function executeGraphQLQuery(
  query: ChoreoQuery,
  request: GraphQLRequestInfo,
  deps: QueryDeps
): Promise<GraphQLQueryResult> {
  const refId = query.refId;
  const options = query.graphql;
  if (!options?.query?.trim()) {
    return { data: [] };
  }
  const { schema, source } = await schemaProviderFor(deps.client).get();
  const validation = validateGraphQL(options.query, schema);
  if (!validation.ok) {
    const against = source === 'bundled' ? ' (checked against the bundled Insights schema)' : '';
    return fail(refId, `Invalid GraphQL query${against}: ${validation.problems.map(formatProblem).join('; ')}`);
  }
  const json = parseVariablesJson(options.variables);
  if ('error' in json) {
    return fail(refId, json.error);
  }

  const scopedVars = request.scopedVars ?? {};
  const interpolate = (v?: string) => (v ? deps.templateSrv.replace(v, scopedVars) : undefined);
  const scope = { environmentId: interpolate(query.environmentId), projectId: interpolate(query.projectId) };
  const built = buildVariables(validation.operation, json.value, {
    schema,
    settings: deps.settings,
    scope,
    templateSrv: deps.templateSrv,
    scopedVars,
    macros: buildMacros(request, deps.settings, scope.environmentId),
  });
  if (built.errors.length) {
    return fail(refId, `GraphQL variables: ${built.errors.join(' ')}`);
  }

  let result;
  try {
    result = await deps.client.execute<unknown>(
      { query: options.query, variables: built.variables, operationName: validation.operation.name?.value },
      { requestId: request.requestId ? `${request.requestId}-${refId}` : undefined }
    );
  } catch (e) {
    const status = (e as { status?: number }).status;
    return fail(refId, e instanceof Error ? e.message : String(e), status);
  }

  const mapped = new ResponseMapper(options).map(result.data, refId);
  const notices: QueryResultMetaNotice[] = [
    ...result.errors.map((e) => ({ severity: 'warning' as const, text: `Partial result: ${describeGraphQLError(e)}` })),
    ...mapped.warnings.map((text) => ({ severity: 'warning' as const, text })),
  ];
  if (built.dropped.length) {
    notices.push({
      severity: 'info',
      text: `Not sent (the operation does not declare them): ${built.dropped.map((n) => `$${n}`).join(', ')}.`,
    });
  }
  const executed = executedQueryString(options.query, built.variables);
  const frames = mapped.frames.length ? mapped.frames : [{ refId, fields: [], length: 0 }];
  frames.forEach((frame, i) => {
    frame.meta = {
      ...frame.meta,
      executedQueryString: executed,
      // Notices once per query, not once per series.
      notices: i === 0 && notices.length ? notices : undefined,
    };
  });
  return { data: frames };
}

import type { DataQueryRequest, QueryResultMetaNotice } from '@grafana/data';

import type { RunnerDeps } from '../runner/deps';
import { executedQueryString } from '../runner/executedQuery';
import type { PlannedTarget } from '../runner/target';
import type { ChoreoQuery } from '../types';
import { buildMacros } from './macros';
import { ResponseMapper } from './responseMapper';
import { schemaProviderFor } from './schemaProvider';
import { formatProblem, validateGraphQL } from './validate';
import { buildVariables, parseVariablesJson } from './variables';

export type GraphQLRequestInfo = Pick<
  DataQueryRequest<ChoreoQuery>,
  'range' | 'interval' | 'intervalMs' | 'scopedVars' | 'requestId' | 'maxDataPoints'
>;

/**
 * One raw GraphQL target, ready to send. The document is validated again here (the editor's
 * check may not have run, e.g. for a dashboard loaded from JSON): an invalid document or a
 * variable that cannot be built is reported and never sent.
 */
export async function prepareGraphQLTarget(
  query: ChoreoQuery,
  request: GraphQLRequestInfo,
  deps: RunnerDeps
): Promise<PlannedTarget> {
  const refId = query.refId;
  const options = query.graphql;
  if (!options?.query?.trim()) {
    return { refId, answered: [] };
  }
  const { schema, source } = await schemaProviderFor(deps.client).get();
  const validation = validateGraphQL(options.query, schema);
  if (!validation.ok) {
    const against = source === 'bundled' ? ' (checked against the bundled Insights schema)' : '';
    return { refId, error: `Invalid GraphQL query${against}: ${validation.problems.map(formatProblem).join('; ')}` };
  }
  const json = parseVariablesJson(options.variables);
  if ('error' in json) {
    return { refId, error: json.error };
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
    return { refId, error: `GraphQL variables: ${built.errors.join(' ')}` };
  }
  const sent = { query: options.query, variables: built.variables, operationName: validation.operation.name?.value };
  const notices: QueryResultMetaNotice[] = [];
  if (built.dropped.length) {
    notices.push({
      severity: 'info',
      text: `Not sent (the operation does not declare them): ${built.dropped.map((n) => `$${n}`).join(', ')}.`,
    });
  }

  return {
    refId,
    request: sent,
    notices,
    frames: (data, extra) => {
      const mapped = new ResponseMapper(options).map(data, refId);
      const all = [...extra.notices, ...mapped.warnings.map((text) => ({ severity: 'warning' as const, text }))];
      const executed = executedQueryString(sent);
      const frames = mapped.frames.length ? mapped.frames : [{ refId, fields: [], length: 0 }];
      frames.forEach((frame, i) => {
        frame.meta = {
          ...frame.meta,
          executedQueryString: executed,
          // Notices once per query, not once per series.
          notices: i === 0 && all.length ? all : undefined,
        };
      });
      return frames;
    },
  };
}

import type { DataQueryRequest, QueryResultMetaNotice } from '@grafana/data';

import { entryFor, resolveDefinition } from '../catalog/catalog';
import { buildFrames } from '../catalog/frames';
import { message } from '../catalog/messages';
import { normalizeOptions } from '../catalog/options';
import { InsightsError } from '../client/errors';
import { applyFrameMeta } from '../frames/meta';
import { ApiNameMap } from '../metadata/apiDisplayName';
import type { RunnerDeps } from '../runner/deps';
import { resolveGranularity } from '../time/granularity';
import { executedQueryString } from '../runner/executedQuery';
import { environmentOf } from '../runner/prepare';
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
 * Frames as the builder type `type` makes them, for a GraphQL query "opened" from one: the type's
 * frame spec with this query's options, API names of its environment, the range's granularity.
 */
async function framesFromCatalog(
  type: string,
  query: ChoreoQuery,
  request: GraphQLRequestInfo,
  deps: RunnerDeps,
  environmentId: string | undefined,
  notices: QueryResultMetaNotice[]
) {
  const entry = entryFor(type);
  if (!entry || entry.raw) {
    throw new InsightsError('badRequest', message('unknownQueryType', { type }));
  }
  const opts = normalizeOptions(entry, query);
  const def = resolveDefinition(entry, entry.variants ? String(opts.values[entry.variants.option]) : undefined);
  const spec = def.frames;
  if (!spec) {
    throw new InsightsError('badRequest', message('unknownQueryType', { type }));
  }
  const fromMs = request.range.from.valueOf();
  const toMs = request.range.to.valueOf();
  const g = resolveGranularity(query.granularity, {
    fromMs,
    toMs,
    maxDataPoints: request.maxDataPoints,
    intervalMs: request.intervalMs,
  });
  const env = environmentId || deps.settings.defaultEnvironmentId;
  let names = new ApiNameMap([]);
  if (def.lookups?.includes('apiNames') && env) {
    try {
      names = await deps.metadata.apiNameMap(env);
    } catch (err) {
      notices.push({
        severity: 'warning',
        text: message('apiNamesFailed', { why: err instanceof Error ? err.message : String(err) }),
      });
    }
  }
  return (data: unknown, executed: string, extra: QueryResultMetaNotice[]) => {
    const built = buildFrames(spec, data, {
      options: opts.values,
      attrs: opts.attrs,
      granularity: 'granularity' in g ? g.granularity : '',
      fromMs,
      toMs,
      lookups: names,
    });
    return applyFrameMeta(built.frames, {
      refId: query.refId,
      shape: spec.shape,
      executedQueryString: executed,
      notices: [...extra, ...built.notices.map((text) => ({ severity: 'warning' as const, text }))],
    });
  };
}

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
  const { schema, source } = await schemaProviderFor(deps.schemaClient ?? deps.client).get();
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
  const notices: QueryResultMetaNotice[] = [];
  if (options.framesFrom) {
    // Opened from a builder query: the same environment as the builder picks (its API names and
    // data), not the whole organization when neither the query nor the data source names one.
    const env = await environmentOf(scope.environmentId ?? '', deps, notices);
    if ('error' in env) {
      return { refId, error: env.error };
    }
    scope.environmentId = env.id;
  }
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
  if (built.dropped.length) {
    notices.push({
      severity: 'info',
      text: `Not sent (the operation does not declare them): ${built.dropped.map((n) => `$${n}`).join(', ')}.`,
    });
  }

  const catalogFrames = options.framesFrom
    ? await framesFromCatalog(options.framesFrom, query, request, deps, scope.environmentId, notices)
    : undefined;

  return {
    refId,
    requests: [sent],
    notices,
    frames: ([data], extra) => {
      if (catalogFrames) {
        return catalogFrames(data, executedQueryString(sent), extra.notices);
      }
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

import { common, document, entryFor, resolveDefinition } from '../catalog/catalog';
import { evaluate } from '../catalog/expressions';
import { normalizeOptions } from '../catalog/options';
import { QueryType, type ChoreoQuery } from '../types';

/**
 * A builder query as the raw GraphQL query it sends: the type's document, its variables with
 * the time range, granularity and organization as macros (so the time picker still drives it;
 * the DataFilter is filled from the settings and the query's environment, as GraphQL mode does
 * for a declared `DataFilter`), and frames made by the type's own frame spec. Undefined for a
 * query that is not a builder query.
 */
export function openAsGraphQL(query: ChoreoQuery): ChoreoQuery | undefined {
  const entry = entryFor(query.queryType);
  if (!entry || entry.raw) {
    return undefined;
  }
  const opts = normalizeOptions(entry, query);
  const def = resolveDefinition(entry, entry.variants ? String(opts.values[entry.variants.option]) : undefined);
  if (!def.request) {
    return undefined;
  }
  const ids = (list: string[] | undefined) => (list?.length ? list : undefined);
  const apiIds = ids(query.apiIds);
  const appIds = ids(query.appIds);
  const maxRows = typeof opts.values.maxRows === 'number' ? opts.values.maxRows : common.paging.defaultMaxRows;
  const fixed = query.granularity && query.granularity !== 'auto' ? query.granularity : undefined;
  const variables = evaluate(def.request.variables, {
    timeFilter: { from: '$__from', to: '$__to' },
    orgId: '$__orgId',
    tenant: '$__tenant',
    environmentId: '$__environmentId',
    projectId: query.projectId || undefined,
    granularity: fixed ?? '$__granularity',
    apiIds,
    apiId: apiIds?.[0],
    appIds,
    appId: appIds?.[0],
    page: { offset: 0, limit: Math.min(maxRows, common.paging.pageLimit) },
    options: opts.values,
  }) as Record<string, unknown>;
  return {
    ...query,
    queryType: QueryType.GraphQL,
    graphql: {
      query: document(def.request.document).trim(),
      variables: JSON.stringify(variables, null, 2),
      framesFrom: entry.type,
    },
  };
}

import { entryFor } from '../catalog/catalog';
import type { ChoreoQuery, QueryType } from '../types';
import { openAsGraphQL } from '../graphql/openAsGraphQL';
import { defaultQueryFor } from './defaults';

/**
 * The query after the user picks another type: keeps what identifies the query in the panel
 * (refId, datasource, hide...) and the scope, drops the old type's options so the saved JSON
 * says only what runs, and applies the new type's initial options.
 */
export function switchQueryType(query: ChoreoQuery, type: QueryType): ChoreoQuery {
  // To GraphQL from a builder query: start from the document it sends, not from an empty editor.
  const asGraphQL = entryFor(type)?.raw ? openAsGraphQL(query) : undefined;
  if (asGraphQL) {
    return asGraphQL;
  }
  const { refId, datasource, hide, key, environmentId, projectId, apiIds, appIds, granularity } = query;
  const entry = entryFor(type);
  const next: ChoreoQuery = { refId, ...defaultQueryFor(type) };
  if (datasource !== undefined) {
    next.datasource = datasource;
  }
  if (hide !== undefined) {
    next.hide = hide;
  }
  if (key !== undefined) {
    next.key = key;
  }
  if (environmentId) {
    next.environmentId = environmentId;
  }
  if (projectId) {
    next.projectId = projectId;
  }
  // Scope survives every switch, even to a type that ignores it, so switching back restores it.
  // A type that takes one API keeps only the first: the saved query must say which one runs.
  const keep = (ids: string[] | undefined, arity: string | undefined) =>
    !ids?.length ? undefined : arity === 'one' || arity === 'required' ? ids.slice(0, 1) : [...ids];
  const apis = keep(apiIds, entry?.scope.apis);
  const apps = keep(appIds, entry?.scope.apps);
  if (apis) {
    next.apiIds = apis;
  }
  if (apps) {
    next.appIds = apps;
  }
  if (entry?.granularity && granularity) {
    next.granularity = granularity;
  }
  return next;
}

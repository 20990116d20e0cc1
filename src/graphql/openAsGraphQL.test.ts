/** @jest-environment node */
import { document, entries, entryFor, resolveDefinition, type CatalogEntry } from '../catalog/catalog';
import { defaultQueryFor, setPath } from '../queryModel/defaults';
import { QueryType, type ChoreoQuery } from '../types';
import { openAsGraphQL } from './openAsGraphQL';

/** One saved query per builder type and variant, as a new query of it saves it. */
function builderQueries(): Array<[string, CatalogEntry, ChoreoQuery, string | undefined]> {
  const out: Array<[string, CatalogEntry, ChoreoQuery, string | undefined]> = [];
  for (const entry of entries().filter((e) => !e.raw)) {
    const cases = entry.variants ? Object.keys(entry.variants.cases) : [undefined];
    for (const variant of cases) {
      const q: Record<string, unknown> = { refId: 'A', ...defaultQueryFor(entry.type) };
      if (variant !== undefined) {
        const option = entry.options.find((o) => o.name === entry.variants!.option)!;
        setPath(q, option.path ?? option.name, variant);
      }
      // Built from the catalog's own defaults and option paths: a saved query of this type.
      out.push([variant ? `${entry.type} (${variant})` : entry.type, entry, q as unknown as ChoreoQuery, variant]);
    }
  }
  return out;
}

const ALL = builderQueries();

describe('openAsGraphQL: every builder type', () => {
  it('covers every builder type and variant', () => {
    expect(ALL.map(([name]) => name)).toHaveLength(
      entries()
        .filter((e) => !e.raw)
        .reduce((n, e) => n + (e.variants ? Object.keys(e.variants.cases).length : 1), 0)
    );
    expect(ALL.length).toBeGreaterThanOrEqual(28);
  });

  it.each(ALL)(
    '%s: the catalog document, variables as JSON, macros for time and granularity, framesFrom',
    (_, entry, query, variant) => {
      const def = resolveDefinition(entry, variant);
      const out = openAsGraphQL(query);
      expect(out).toBeDefined();
      expect(out!.queryType).toBe(QueryType.GraphQL);
      expect(out!.refId).toBe('A');
      expect(out!.graphql?.query).toBe(document(def.request!.document).trim());
      expect(out!.graphql?.framesFrom).toBe(entry.type);
      const text = out!.graphql?.variables ?? '';
      const variables = JSON.parse(text) as Record<string, unknown>;
      expect(typeof variables).toBe('object');
      expect(Array.isArray(variables)).toBe(false);
      expect(text).toBe(JSON.stringify(variables, null, 2));
      if (/\$timeFilter\b/.test(out!.graphql!.query)) {
        expect(variables.timeFilter).toEqual({ from: '$__from', to: '$__to' });
      } else {
        expect(text).not.toContain('$__from');
      }
      expect(text.includes('"$__granularity"')).toBe(entry.granularity);
    }
  );

  it.each(ALL.filter(([, e]) => e.granularity))('%s: a fixed granularity is written as chosen', (_, __, query) => {
    const text = openAsGraphQL({ ...query, granularity: '15m' })!.graphql!.variables!;
    expect(text).toContain('"15m"');
    expect(text).not.toContain('$__granularity');
  });
});

describe('openAsGraphQL: scope, options and pages', () => {
  it('writes the scope ids as the builder sends them', () => {
    const usage = openAsGraphQL({ refId: 'A', queryType: QueryType.ApiUsage, apiIds: ['a1', 'a2'], appIds: ['x1'] })!;
    expect(JSON.parse(usage.graphql!.variables!)).toEqual({
      timeFilter: { from: '$__from', to: '$__to' },
      filter: { apiIds: ['a1', 'a2'], appIds: ['x1'], granularity: '$__granularity' },
    });
    const details = openAsGraphQL({
      refId: 'A',
      queryType: QueryType.ErrorDetails,
      apiIds: ['a1'],
      errorCategories: ['AUTH'],
      search: 'timeout',
      maxRows: 50,
      granularity: '1h',
    })!;
    expect(JSON.parse(details.graphql!.variables!)).toEqual({
      timeFilter: { from: '$__from', to: '$__to' },
      filter: {
        apiId: 'a1',
        category: 'AUTH',
        granularity: '1h',
        paginationFilter: { limit: 50, offset: 0, sortOrder: 'desc' },
        searchFilter: { searchText: 'timeout' },
      },
    });
  });

  it('asks for the first page of at most the page limit', () => {
    const big = openAsGraphQL({ refId: 'A', queryType: QueryType.ResourceUsage, maxRows: 20000 })!;
    expect(big.graphql!.variables).toContain('"limit": 1000');
  });

  it('uses macros for the organization, tenant and environment where a document takes them directly', () => {
    const tenants = openAsGraphQL({ refId: 'A', queryType: QueryType.List, list: 'tenants' })!;
    expect(JSON.parse(tenants.graphql!.variables!)).toEqual({
      filter: { orgId: '$__orgId', envId: '$__environmentId' },
    });
    const envs = openAsGraphQL({ refId: 'A', queryType: QueryType.List, list: 'environments', projectId: 'p1' })!;
    expect(JSON.parse(envs.graphql!.variables!)).toEqual({ org: { orgId: '$__orgId' }, projectId: 'p1' });
  });

  it('keeps the rest of the saved query', () => {
    const q: ChoreoQuery = { refId: 'Z', queryType: QueryType.TopPlatforms, environmentId: 'env-prod', hide: true };
    const out = openAsGraphQL(q)!;
    expect({ ...out, graphql: undefined }).toEqual({ ...q, queryType: 'graphql', graphql: undefined });
  });
});

describe('openAsGraphQL: nothing to open', () => {
  it('is undefined for GraphQL queries and unknown types', () => {
    expect(entryFor('graphql')?.raw).toBe(true);
    expect(openAsGraphQL({ refId: 'A', queryType: QueryType.GraphQL, graphql: { query: '{ x }' } })).toBeUndefined();
    expect(openAsGraphQL({ refId: 'A', queryType: 'nope' as QueryType })).toBeUndefined();
    expect(openAsGraphQL({ refId: 'A' })).toBeUndefined();
  });
});

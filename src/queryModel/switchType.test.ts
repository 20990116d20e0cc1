/** @jest-environment node */
import { document } from '../catalog/catalog';
import { openAsGraphQL } from '../graphql/openAsGraphQL';
import { QueryType, type ChoreoQuery } from '../types';
import { switchQueryType } from './switchType';

const from: ChoreoQuery = {
  refId: 'B',
  datasource: { type: 'choreo-insights-datasource', uid: 'ds1' },
  hide: true,
  key: 'k1',
  queryType: QueryType.ErrorDetails,
  modelVersion: 1,
  environmentId: 'env-prod',
  projectId: 'proj-1',
  apiIds: ['a1', 'a2', 'a3'],
  appIds: ['x1', 'x2'],
  granularity: '1h',
  search: 'timeout',
  sortBy: 'count',
  maxRows: 50,
  errorCategories: ['AUTH'],
};

const kept = {
  refId: 'B',
  datasource: { type: 'choreo-insights-datasource', uid: 'ds1' },
  hide: true,
  key: 'k1',
  modelVersion: 1,
  environmentId: 'env-prod',
  projectId: 'proj-1',
};

describe('switchQueryType', () => {
  it('keeps identity and scope, drops the old options, applies the new initial ones', () => {
    expect(switchQueryType(from, QueryType.UsageByApplication)).toEqual({
      ...kept,
      queryType: 'usageByApplication',
      apiIds: ['a1', 'a2', 'a3'],
      appIds: ['x1', 'x2'],
      granularity: '1h',
    });
    expect(switchQueryType(from, QueryType.AlertSummary)).toEqual({
      ...kept,
      queryType: 'alertSummary',
      apiIds: ['a1', 'a2', 'a3'],
      appIds: ['x1', 'x2'],
      maxRows: 1000,
    });
  });

  it('keeps one id for types that take one API or application', () => {
    const q = switchQueryType({ ...from, queryType: QueryType.ApiUsage }, QueryType.ErrorDetails);
    expect([q.apiIds, q.appIds]).toEqual([['a1'], ['x1']]);
    const required = switchQueryType(from, QueryType.ApiLatency);
    expect([required.apiIds, required.appIds]).toEqual([['a1'], ['x1', 'x2']]);
    expect(switchQueryType(from, QueryType.Cache).apiIds).toEqual(['a1']);
  });

  it('keeps every id for a type that ignores the filter, so switching back restores it', () => {
    const q = switchQueryType(from, QueryType.TopSlowestApis);
    expect(q).toEqual({
      ...kept,
      queryType: 'topSlowestApis',
      apiIds: ['a1', 'a2', 'a3'],
      appIds: ['x1', 'x2'],
      limit: 10,
    });
    expect(q.apiIds).not.toBe(from.apiIds);
  });

  it('keeps the granularity only where the new type takes one, else starts at auto', () => {
    expect('granularity' in switchQueryType(from, QueryType.TopPlatforms)).toBe(false);
    expect(switchQueryType({ ...from, granularity: undefined }, QueryType.ApiUsage).granularity).toBe('auto');
  });

  it('leaves out what is empty or unset', () => {
    const q = switchQueryType(
      { refId: 'A', queryType: QueryType.ApiUsage, environmentId: '', projectId: '', apiIds: [], appIds: [] },
      QueryType.UsageByBackend
    );
    expect(q).toEqual({ refId: 'A', queryType: 'usageByBackend', modelVersion: 1, granularity: 'auto' });
  });

  it('opens a builder query as the GraphQL it sends when switching to GraphQL', () => {
    const builder: ChoreoQuery = { refId: 'C', queryType: QueryType.ApiUsage, apiIds: ['a1'], granularity: 'auto' };
    const q = switchQueryType(builder, QueryType.GraphQL);
    expect(q).toEqual(openAsGraphQL(builder));
    expect(q.queryType).toBe('graphql');
    expect(q.refId).toBe('C');
    expect(q.graphql?.query).toBe(document('ApiUsage.graphql').trim());
    expect(q.graphql?.framesFrom).toBe('apiUsage');
    expect(JSON.parse(q.graphql?.variables ?? '')).toEqual({
      timeFilter: { from: '$__from', to: '$__to' },
      filter: { apiIds: ['a1'], granularity: '$__granularity' },
    });
  });

  it('starts an empty GraphQL query from GraphQL (nothing to open)', () => {
    const raw: ChoreoQuery = {
      refId: 'D',
      queryType: QueryType.GraphQL,
      environmentId: 'env',
      graphql: { query: '{ x }' },
    };
    expect(switchQueryType(raw, QueryType.GraphQL)).toEqual({
      refId: 'D',
      queryType: 'graphql',
      modelVersion: 1,
      environmentId: 'env',
    });
  });

  it('switches from GraphQL to a builder type with the scope', () => {
    const raw: ChoreoQuery = { refId: 'E', queryType: QueryType.GraphQL, apiIds: ['a1'], graphql: { query: '{ x }' } };
    expect(switchQueryType(raw, QueryType.ApiUsage)).toEqual({
      refId: 'E',
      queryType: 'apiUsage',
      modelVersion: 1,
      granularity: 'auto',
      apiIds: ['a1'],
    });
  });
});

import { migrateQuery } from './migrations';
import { defaultQueryFor } from './queryModel/defaults';
import { QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from './types';

describe('migrateQuery', () => {
  it.each(Object.values(QueryType))('a saved %s query survives migration unchanged', (type) => {
    const saved: ChoreoQuery = {
      refId: 'B',
      ...defaultQueryFor(type),
      environmentId: '$env',
      apiIds: ['$api'],
      datasource: { type: 'choreo', uid: 'x' },
    };
    const migrated = migrateQuery(saved);
    expect(migrated).toEqual(saved);
    expect(migrated.queryType).toBe(type);
  });

  it('upgrades a pre-versioning query: version, default type, lists from strings', () => {
    const migrated = migrateQuery({
      refId: 'A',
      apiId: 'api-1',
      appIds: 'app-1',
      errorCategories: 'AUTH',
      maxRows: '50',
    });
    expect(migrated).toEqual({
      refId: 'A',
      modelVersion: QUERY_MODEL_VERSION,
      queryType: QueryType.RequestSummary,
      apiIds: ['api-1'],
      appIds: ['app-1'],
      errorCategories: ['AUTH'],
      maxRows: 50,
    });
  });

  it('normalises custom report lists and drops empty ids', () => {
    const migrated = migrateQuery({
      refId: 'A',
      queryType: 'customReport',
      apiIds: ['a', '', '  '],
      customReport: { groupByFields: 'API_NAME', groupByValues: 'Orders' },
    });
    expect(migrated.apiIds).toEqual(['a']);
    expect(migrated.customReport).toEqual({ groupByFields: ['API_NAME'], groupByValues: ['Orders'] });
  });

  it('is idempotent', () => {
    const once = migrateQuery({ refId: 'C', apiId: 'x', limit: '5', queryType: 'apiUsage' });
    expect(migrateQuery(once)).toEqual(once);
  });

  it('keeps an unknown type so the panel can name it', () => {
    expect(migrateQuery({ refId: 'A', queryType: 'gone' }).queryType).toBe('gone');
  });

  it('survives garbage', () => {
    expect(migrateQuery(null)).toEqual({
      refId: 'A',
      queryType: QueryType.RequestSummary,
      modelVersion: QUERY_MODEL_VERSION,
    });
  });
});

describe('defaultQueryFor', () => {
  it('a new panel shows the request summary with auto granularity and no scope', () => {
    expect(defaultQueryFor()).toEqual({
      queryType: QueryType.RequestSummary,
      modelVersion: QUERY_MODEL_VERSION,
      granularity: 'auto',
    });
  });
});

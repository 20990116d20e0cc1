import { common, entryFor } from '../catalog/catalog';
import { deepFreeze } from '../components/testing/deepFreeze';
import { QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from '../types';
import { defaultQueryFor } from './defaults';
import { hasProblems, queryProblems } from './problems';
import { switchQueryType } from './switchType';

const ALL_TYPES = Object.values(QueryType);

describe('defaultQueryFor', () => {
  it('defaults to the console landing chart', () => {
    expect(defaultQueryFor()).toEqual({
      queryType: common.defaultType as QueryType,
      modelVersion: QUERY_MODEL_VERSION,
      granularity: 'auto',
    });
  });

  // "A new panel shows data without typing": every default must pass the editor's validation,
  // except API latency, which cannot run until the user picks an API.
  it.each(ALL_TYPES.filter((t) => t !== QueryType.ApiLatency))('%s runs with its defaults', (type) => {
    const problems = queryProblems({ refId: 'A', ...defaultQueryFor(type) });
    expect(hasProblems(problems)).toBe(false);
    expect(Object.values(problems).filter(Boolean)).toEqual([]);
  });

  it('API latency needs an API before it can run', () => {
    expect(hasProblems(queryProblems({ refId: 'A', ...defaultQueryFor(QueryType.ApiLatency) }))).toBe(true);
  });

  it("saves each type's initial options from the catalog", () => {
    expect(defaultQueryFor(QueryType.OverviewKpi)).toEqual({
      queryType: QueryType.OverviewKpi,
      modelVersion: QUERY_MODEL_VERSION,
      kpi: 'totalTraffic',
    });
    expect(defaultQueryFor(QueryType.ErrorsByStatusCode)).toEqual({
      queryType: QueryType.ErrorsByStatusCode,
      modelVersion: QUERY_MODEL_VERSION,
      errorType: 'PROXY',
      maxRows: 1000,
    });
    expect(defaultQueryFor(QueryType.CustomReport)).toEqual({
      queryType: QueryType.CustomReport,
      modelVersion: QUERY_MODEL_VERSION,
      granularity: 'auto',
      customReport: { mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'], groupByValues: [] },
    });
    expect(defaultQueryFor(QueryType.TopPlatforms)).toEqual({
      queryType: QueryType.TopPlatforms,
      modelVersion: QUERY_MODEL_VERSION,
    });
  });

  it('gives every new query its own lists (the catalog is never shared)', () => {
    const a = defaultQueryFor(QueryType.CustomReport);
    a.customReport?.groupByFields?.push('PLATFORM');
    expect(defaultQueryFor(QueryType.CustomReport).customReport?.groupByFields).toEqual(['API_NAME']);
  });
});

describe('switchQueryType', () => {
  const full: ChoreoQuery = deepFreeze({
    refId: 'C',
    datasource: { type: 'choreo', uid: 'ds1' },
    hide: true,
    queryType: QueryType.AlertSummary,
    environmentId: '$env',
    projectId: 'p',
    apiIds: ['a', 'b'],
    appIds: ['x'],
    granularity: '1h',
    alertCategory: 'LATENCY',
    search: 'slow',
    maxRows: 50,
  });

  it('keeps identity and scope, drops the old type options', () => {
    expect(switchQueryType(full, QueryType.TopPlatforms)).toEqual({
      refId: 'C',
      datasource: { type: 'choreo', uid: 'ds1' },
      hide: true,
      queryType: QueryType.TopPlatforms,
      modelVersion: QUERY_MODEL_VERSION,
      environmentId: '$env',
      projectId: 'p',
      apiIds: ['a', 'b'],
      appIds: ['x'],
    });
  });

  // Undefined granularity runs as auto (the select shows Auto); a type without one never saves one.
  it.each(ALL_TYPES.filter((t) => !entryFor(t)?.granularity))('%s saves no granularity', (type) => {
    expect(switchQueryType({ refId: 'A', granularity: '1h' }, type).granularity).toBeUndefined();
  });

  it('keeps the chosen granularity for types that use one', () => {
    expect(switchQueryType(full, QueryType.ApiUsage).granularity).toBe('1h');
  });

  it('keeps the scope through a type that ignores it, so switching back restores it', () => {
    const back = switchQueryType(switchQueryType(full, QueryType.OverviewKpi), QueryType.AlertSummary);
    expect(back.apiIds).toEqual(['a', 'b']);
    expect(back.appIds).toEqual(['x']);
  });

  it("applies the new type's initial options", () => {
    expect(switchQueryType(full, QueryType.TopSlowestApis)).toEqual({
      refId: 'C',
      datasource: { type: 'choreo', uid: 'ds1' },
      hide: true,
      queryType: QueryType.TopSlowestApis,
      modelVersion: QUERY_MODEL_VERSION,
      environmentId: '$env',
      projectId: 'p',
      apiIds: ['a', 'b'],
      appIds: ['x'],
      limit: 10,
    });
  });

  it('keeps one API for single-API types', () => {
    expect(switchQueryType(full, QueryType.ErrorDetails)).toMatchObject({ apiIds: ['a'], appIds: ['x'] });
  });

  it('returns new arrays, never the frozen ones', () => {
    const next = switchQueryType(full, QueryType.ApiUsage);
    expect(next.apiIds).not.toBe(full.apiIds);
    expect(() => next.apiIds?.push('c')).not.toThrow();
  });
});

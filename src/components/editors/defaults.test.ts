import { QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from '../../types';
import { QUERY_TYPES } from '../queryTypes';
import { deepFreeze } from '../testing/deepFreeze';
import { DEFAULT_QUERY_TYPE, defaultQueryFor, switchQueryType } from './defaults';
import { hasProblems, queryProblems } from './validation';

const ALL_TYPES = Object.values(QueryType);

describe('defaultQueryFor', () => {
  it('defaults to the console landing chart', () => {
    expect(defaultQueryFor()).toEqual({
      queryType: DEFAULT_QUERY_TYPE,
      modelVersion: QUERY_MODEL_VERSION,
      granularity: 'auto',
    });
  });

  // "A new panel shows data without typing": every default must pass the editor's validation,
  // except API latency, which cannot run until the user picks an API.
  it.each(ALL_TYPES.filter((t) => t !== QueryType.ApiLatency))('%s runs with its defaults', (type) => {
    expect(queryProblems({ refId: 'A', ...defaultQueryFor(type) })).toEqual({});
  });

  it('API latency needs an API before it can run', () => {
    expect(hasProblems(queryProblems({ refId: 'A', ...defaultQueryFor(QueryType.ApiLatency) }))).toBe(true);
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
  it.each(ALL_TYPES.filter((t) => !QUERY_TYPES[t].granularity))('%s saves no granularity', (type) => {
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

  it('keeps one API for single-API types', () => {
    expect(switchQueryType(full, QueryType.ErrorDetails)).toMatchObject({ apiIds: ['a'], appIds: ['x'] });
  });

  it('returns new arrays, never the frozen ones', () => {
    const next = switchQueryType(full, QueryType.ApiUsage);
    expect(next.apiIds).not.toBe(full.apiIds);
    expect(() => next.apiIds?.push('c')).not.toThrow();
  });
});

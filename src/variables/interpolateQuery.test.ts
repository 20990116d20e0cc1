/** @jest-environment node */
import type { AdHocVariableFilter, ScopedVars } from '@grafana/data';

import { ALL_VALUE, TemplateSrvFake } from '../../testing/fakes/templateSrv';
import { QueryType, type ChoreoQuery } from '../types';
import { interpolateQuery } from './interpolateQuery';

const srv = () =>
  new TemplateSrvFake([
    { name: 'env', value: 'env-prod' },
    { name: 'proj', value: 'p1' },
    { name: 'api', value: 'a1' },
    { name: 'apis', value: ['a1', 'a2'], multi: true },
    { name: 'allApis', value: ALL_VALUE, options: ['a1', 'a2', 'a3'], multi: true, includeAll: true },
    { name: 'starApis', value: ALL_VALUE, allValue: '*', multi: true, includeAll: true },
    { name: 'apps', value: ['x1', 'x2'], multi: true },
    { name: 'q', value: 'timeout' },
    { name: 'words', value: ['slow', 'error'], multi: true },
    { name: 'n', value: '7' },
    { name: 'rows', value: '250' },
    { name: 'vals', value: ['Orders API', 'iOS'], multi: true },
  ]);

const base: ChoreoQuery = { refId: 'A', queryType: QueryType.ApiUsage };
const run = (fields: Partial<ChoreoQuery>, filters: AdHocVariableFilter[] = [], scopedVars?: ScopedVars) =>
  interpolateQuery({ ...base, ...fields }, srv(), scopedVars, filters);

describe('interpolateQuery: scope', () => {
  it('resolves the environment, project and single ids', () => {
    expect(run({ environmentId: '$env', projectId: '${proj}', apiIds: ['$api'], appIds: ['[[api]]'] })).toEqual({
      query: { ...base, environmentId: 'env-prod', projectId: 'p1', apiIds: ['a1'], appIds: ['a1'] },
      problem: undefined,
      notices: [],
    });
  });

  it('expands a multi-value variable into a list of ids, literals kept, duplicates once', () => {
    expect(run({ apiIds: ['$apis', 'a3', 'a1'], appIds: ['${apps}'] }).query).toEqual({
      ...base,
      apiIds: ['a1', 'a2', 'a3'],
      appIds: ['x1', 'x2'],
    });
  });

  it('keeps each value whole, even one with a comma', () => {
    const t = srv().set('apis', ['Orders API - v1, beta', 'b']);
    expect(interpolateQuery({ ...base, apiIds: ['$apis'] }, t, undefined).query.apiIds).toEqual([
      'Orders API - v1, beta',
      'b',
    ]);
  });

  it('reads All as no filter', () => {
    const all = run({ apiIds: ['$allApis'], appIds: ['$starApis'] });
    expect(all.query).toEqual(base);
    expect(all.problem).toBeUndefined();
    expect(run({ apiIds: ['a9', '$allApis'] }).query.apiIds).toBeUndefined();
  });

  it('drops empty scope fields', () => {
    const r = run({ environmentId: '', projectId: '  ', apiIds: ['', ' '] });
    expect(r.query).toEqual(base);
  });

  it('takes repeat-scoped variables first', () => {
    const scoped: ScopedVars = { api: { text: 'A9', value: 'a9' } };
    expect(run({ apiIds: ['$api'] }, [], scoped).query.apiIds).toEqual(['a9']);
  });
});

describe('interpolateQuery: other fields', () => {
  it('resolves search text, several values as a list a person would write', () => {
    expect(run({ search: '$q' }).query.search).toBe('timeout');
    expect(run({ search: 'in $words' }).query.search).toBe('in slow,error');
  });

  it('resolves limit and maxRows to the text the catalog reads as a number; numbers stay', () => {
    expect(run({ limit: '$n' as unknown as number, maxRows: '$rows' as unknown as number }).query).toEqual({
      ...base,
      limit: '7',
      maxRows: '250',
    });
    expect(run({ limit: 5, maxRows: 100 }).query).toEqual({ ...base, limit: 5, maxRows: 100 });
  });

  it('expands custom report group-by values, keeping the rest of the report', () => {
    const r = run({
      customReport: {
        mode: 'overTime',
        metric: 'HIT_COUNT',
        groupByFields: ['API_NAME'],
        groupByValues: ['$vals', 'web'],
      },
    });
    expect(r.query.customReport).toEqual({
      mode: 'overTime',
      metric: 'HIT_COUNT',
      groupByFields: ['API_NAME'],
      groupByValues: ['Orders API', 'iOS', 'web'],
    });
  });

  it('leaves a GraphQL document and its variables alone', () => {
    const graphql = { query: 'query X($api: String) { x(api: $api) }', variables: '{"api": "$api"}' };
    expect(run({ queryType: QueryType.GraphQL, graphql }).query.graphql).toEqual(graphql);
  });

  it('does not change the saved query', () => {
    const saved: ChoreoQuery = { ...base, apiIds: ['$apis'], search: '$q' };
    interpolateQuery(saved, srv(), undefined);
    expect(saved).toEqual({ ...base, apiIds: ['$apis'], search: '$q' });
  });
});

describe('interpolateQuery: undefined variables', () => {
  it.each<[Partial<ChoreoQuery>, string]>([
    [{ apiIds: ['$nope'] }, '$nope'],
    [{ environmentId: '${envx}' }, '${envx}'],
    [{ appIds: ['x1', '[[appx]]'] }, '[[appx]]'],
    [{ search: 'in $where' }, '$where'],
    [{ limit: '$top' as unknown as number }, '$top'],
    [{ customReport: { groupByValues: ['$missing'] } }, '$missing'],
  ])('refuses %j, naming the variable', (fields, name) => {
    expect(run(fields).problem).toBe(
      `The dashboard variable ${name} is not defined: add it in the dashboard settings or remove it from this query.`
    );
  });
});

describe('interpolateQuery: undefined variables and ad-hoc filters', () => {
  const filter: AdHocVariableFilter = { key: 'api', operator: '=', value: 'a1' };
  const undefinedNope =
    'The dashboard variable $nope is not defined: add it in the dashboard settings or remove it from this query.';

  it('names the undefined variable rather than a filter with nothing in common', () => {
    expect(run({ apiIds: ['$nope'] }, [filter]).problem).toBe(undefinedNope);
  });

  it('names the undefined variable even when the filter would leave it out', () => {
    expect(run({ apiIds: ['$nope', 'a1'] }, [filter]).problem).toBe(undefinedNope);
  });
});

describe('interpolateQuery: ad-hoc filters', () => {
  const eq = (key: string, value: string): AdHocVariableFilter => ({ key, operator: '=', value });
  const oneOf = (key: string, values: string[]): AdHocVariableFilter => ({
    key,
    operator: '=|',
    value: values[0],
    values,
  });

  it('sets the API and application filters of a query that has none', () => {
    expect(run({}, [eq('api', 'a1'), oneOf('application', ['x1', 'x2'])])).toEqual({
      query: { ...base, apiIds: ['a1'], appIds: ['x1', 'x2'] },
      problem: undefined,
      notices: [],
    });
  });

  it("keeps only the query's ids the filters allow (the intersection), in the query's order", () => {
    expect(run({ apiIds: ['a3', 'a2', 'a1'] }, [oneOf('api', ['a1', 'a2', 'a9'])]).query.apiIds).toEqual(['a2', 'a1']);
    expect(run({ apiIds: ['$apis'] }, [eq('api', 'a2')]).query.apiIds).toEqual(['a2']);
    expect(run({ apiIds: ['$apis'] }, [oneOf('api', ['a1', 'a2']), eq('api', 'a1')]).query.apiIds).toEqual(['a1']);
  });

  it('applies to All as to no filter', () => {
    expect(run({ apiIds: ['$allApis'] }, [eq('api', 'a3')]).query.apiIds).toEqual(['a3']);
  });

  it('reads =| without values as its one value', () => {
    expect(run({}, [{ key: 'api', operator: '=|', value: 'a5' }]).query.apiIds).toEqual(['a5']);
  });

  it('cannot apply != (the Insights API filters by equal values only): a notice, the filter unchanged', () => {
    const r = run({ apiIds: ['a1'] }, [
      { key: 'api', operator: '!=', value: 'a1' },
      { key: 'application', operator: '=~', value: 'x.*' },
    ]);
    expect(r.query.apiIds).toEqual(['a1']);
    expect(r.query.appIds).toBeUndefined();
    expect(r.problem).toBeUndefined();
    expect(r.notices).toEqual([
      'The ad-hoc filter API != cannot be applied: the Insights API filters by equal values only.',
      'The ad-hoc filter Application =~ cannot be applied: the Insights API filters by equal values only.',
    ]);
  });

  it('refuses a query whose ids and filter have nothing in common', () => {
    expect(run({ apiIds: ['a1'] }, [eq('api', 'a2')]).problem).toBe(
      "No API is both in this query and in the dashboard's API filter."
    );
    expect(run({ appIds: ['$apps'] }, [oneOf('application', ['x7'])]).problem).toBe(
      "No Application is both in this query and in the dashboard's Application filter."
    );
  });

  it('ignores keys it does not offer', () => {
    expect(run({ apiIds: ['a1'] }, [eq('environment', 'e1'), eq('apiId', 'a2')])).toEqual({
      query: { ...base, apiIds: ['a1'] },
      problem: undefined,
      notices: [],
    });
  });
});

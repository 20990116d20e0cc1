import { parse, type OperationDefinitionNode } from 'graphql';

import { bundledSchema } from './bundledSchema';
import { TemplateSrvFake } from '../../testing/fakes/templateSrv';
import { buildVariables, parseVariablesJson, type VariableBuildContext } from './variables';

function operation(doc: string): OperationDefinitionNode {
  return parse(doc).definitions[0] as OperationDefinitionNode;
}

const macros = {
  __from: '2024-01-01T00:00:00.000Z',
  __to: '2024-01-02T00:00:00.000Z',
  __interval: '1m',
  __interval_ms: '60000',
  __granularity: '15m',
  __orgId: 'org-uuid',
  __tenant: 'carbon.super',
  __environmentId: 'env-default',
};

function ctx(
  vars: Record<string, string | string[]> = {},
  extra: Partial<VariableBuildContext> = {}
): VariableBuildContext {
  return {
    schema: bundledSchema(),
    settings: { orgUuid: 'org-uuid', tenant: 'carbon.super', defaultEnvironmentId: 'env-default' },
    templateSrv: new TemplateSrvFake(vars),
    scopedVars: {},
    macros,
    ...extra,
  };
}

const TOP_SLOWEST = `query Q($filter: TimeFilter!, $dataFilter: DataFilter!, $limit: Int!) {
  topSlowestAPIs(filter: $filter, dataFilter: $dataFilter, limit: $limit) { apiId }
}`;

describe('buildVariables', () => {
  it('coerces a dashboard variable to the declared Int, and fills DataFilter / TimeFilter', () => {
    const built = buildVariables(operation(TOP_SLOWEST), {}, ctx({ limit: '10' }));
    expect(built.errors).toEqual([]);
    expect(built.variables).toEqual({
      filter: { from: macros.__from, to: macros.__to },
      dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-default' },
      limit: 10,
    });
  });

  it('uses the query scope for environment and project in the filled DataFilter', () => {
    const built = buildVariables(
      operation(TOP_SLOWEST),
      { limit: 3 },
      ctx({}, { scope: { environmentId: 'env-x', projectId: 'p1' } })
    );
    expect(built.variables.dataFilter).toEqual({
      orgId: 'org-uuid',
      tenant: 'carbon.super',
      environmentId: 'env-x',
      projectId: 'p1',
    });
  });

  it('interpolates macros inside JSON values', () => {
    const built = buildVariables(
      operation(TOP_SLOWEST),
      { filter: { from: '$__from', to: '${__to}' }, limit: 5, dataFilter: { orgId: '$__orgId', tenant: '$__tenant' } },
      ctx()
    );
    expect(built.variables.filter).toEqual({ from: macros.__from, to: macros.__to });
    expect(built.variables.dataFilter).toEqual({ orgId: 'org-uuid', tenant: 'carbon.super' });
  });

  it('turns a multi-value variable into a list for list-typed variables and inside lists', () => {
    const op = operation(`query($ids: [String], $filter: AlertSummaryFilter) {
      getAlertSummary(timeFilter: {from: "a", to: "b"}, alertSummaryFilter: $filter, dataFilter: {orgId: "o", tenant: "t"}) { pagination { total } }
      listSubscribers(subscriberFilter: {apiIds: $ids}, dataFilter: {orgId: "o", tenant: "t"}) { name }
    }`);
    const built = buildVariables(
      op,
      { filter: { apiIds: ['$apis', 'fixed'] } },
      ctx({ apis: ['a1', 'a2'], ids: ['x', 'y'] })
    );
    expect(built.errors).toEqual([]);
    expect(built.variables).toEqual({ ids: ['x', 'y'], filter: { apiIds: ['a1', 'a2', 'fixed'] } });
  });

  it('wraps a single value in a list for a list-typed variable', () => {
    const op = operation(
      `query($ids: [String]) { listSubscribers(subscriberFilter: {apiIds: $ids}, dataFilter: {orgId: "o", tenant: "t"}) { name } }`
    );
    expect(buildVariables(op, {}, ctx({ ids: 'only' })).variables).toEqual({ ids: ['only'] });
  });

  it('keeps numbers numbers, booleans booleans, and parses input objects from JSON text', () => {
    const op = operation(`query($limit: Int!, $pf: PaginationFilter) {
      topSlowestAPIs(filter: {from: "a", to: "b"}, dataFilter: {orgId: "o", tenant: "t"}, limit: $limit) { apiId }
      getAlertSummary(timeFilter: {from: "a", to: "b"}, alertSummaryFilter: {paginationFilter: $pf}, dataFilter: {orgId: "o", tenant: "t"}) { pagination { total } }
    }`);
    const built = buildVariables(op, { pf: { limit: '$size', offset: 0 } }, ctx({ limit: '7', size: '25' }));
    expect(built.variables).toEqual({ limit: 7, pf: { limit: 25, offset: 0 } });
    const fromJsonText = buildVariables(op, { limit: 1 }, ctx({ pf: '{"limit": 3}' }));
    expect(fromJsonText.variables.pf).toEqual({ limit: 3 });
  });

  it('turns "true"/"false" into booleans for Boolean variables', () => {
    const op = operation(
      `query($flag: Boolean!) { listProviders(dataFilter: {orgId: "o", tenant: "t"}) @include(if: $flag) { name } }`
    );
    expect(buildVariables(op, {}, ctx({ flag: 'false' })).variables).toEqual({ flag: false });
    expect(buildVariables(op, { flag: '$on' }, ctx({ on: 'true' })).variables).toEqual({ flag: true });
    expect(buildVariables(op, {}, ctx({ flag: 'yes' })).errors).toEqual([
      '$flag is Boolean!: "yes" is not true or false.',
    ]);
  });

  it('reports a value that is not of the declared type', () => {
    const built = buildVariables(operation(TOP_SLOWEST), {}, ctx({ limit: 'ten' }));
    expect(built.errors).toEqual(['$limit is Int!: "ten" is not an integer.']);
  });

  it('reports a multi-value selection for a scalar variable instead of joining it silently', () => {
    const built = buildVariables(operation(TOP_SLOWEST), {}, ctx({ limit: ['1', '2'] }));
    expect(built.errors[0]).toMatch(/\$limit is Int! but .* has 2 values selected: declare it as a list/);
  });

  it('never lets a dashboard variable override a value given in the variables JSON', () => {
    const built = buildVariables(operation(TOP_SLOWEST), { limit: 3 }, ctx({ limit: '99' }));
    expect(built.variables.limit).toBe(3);
  });

  it('sends only declared variables and reports the others', () => {
    const built = buildVariables(operation(TOP_SLOWEST), { limit: 3, extra: 'x', other: 1 }, ctx({ unrelated: 'u' }));
    expect(Object.keys(built.variables).sort()).toEqual(['dataFilter', 'filter', 'limit']);
    expect(built.dropped).toEqual(['extra', 'other']);
  });

  it('names an undefined dashboard variable instead of sending "$name"', () => {
    const built = buildVariables(operation(TOP_SLOWEST), { limit: '$pageSize' }, ctx());
    expect(built.errors).toEqual(['$limit: $pageSize is not a dashboard variable or a macro of this data source.']);
  });

  it('requires a value for a non-null variable with no default', () => {
    const built = buildVariables(operation(TOP_SLOWEST), {}, ctx());
    expect(built.errors).toEqual([
      '$limit (Int!) has no value: give it in the variables JSON or add a dashboard variable named "limit".',
    ]);
  });

  it('omits a nullable or defaulted variable that nobody gives', () => {
    const op = operation(
      `query($limit: Int! = 5, $p: String) { listAllAPI(provider: $p, dataFilter: {orgId: "o", tenant: "t"}) { id } }`
    );
    const built = buildVariables(op, {}, ctx());
    expect(built).toEqual({ variables: {}, errors: [], dropped: [] });
  });

  it('asks for the org UUID when DataFilter cannot be filled', () => {
    const c = ctx({ limit: '1' });
    c.settings = { orgUuid: '', tenant: 'carbon.super', defaultEnvironmentId: '' };
    expect(buildVariables(operation(TOP_SLOWEST), {}, c).errors[0]).toMatch(/no organization UUID/);
  });

  it('respects an explicit format: ${var:pipe} is one string', () => {
    const op = operation(
      `query($p: String) { listAllAPI(provider: $p, dataFilter: {orgId: "o", tenant: "t"}) { id } }`
    );
    expect(buildVariables(op, { p: '${who:pipe}' }, ctx({ who: ['a', 'b'] })).variables.p).toBe('a|b');
    expect(buildVariables(op, { p: 'by-$who' }, ctx({ who: ['a', 'b'] })).variables.p).toBe('by-a,b');
  });

  it('takes repeat-panel scoped variables first', () => {
    const op = operation(
      `query($p: String) { listAllAPI(provider: $p, dataFilter: {orgId: "o", tenant: "t"}) { id } }`
    );
    const c = ctx({ p: 'dashboard' }, { scopedVars: { p: { text: 'scoped', value: 'scoped' } } });
    expect(buildVariables(op, {}, c).variables.p).toBe('scoped');
  });
});

describe('parseVariablesJson', () => {
  it('accepts empty text and objects, rejects the rest with a reason', () => {
    expect(parseVariablesJson('')).toEqual({ value: {} });
    expect(parseVariablesJson('{"a": 1}')).toEqual({ value: { a: 1 } });
    expect(parseVariablesJson('[1]')).toEqual({ error: 'The variables must be a JSON object, e.g. {"limit": 10}.' });
    expect(parseVariablesJson('{a: 1}')).toHaveProperty(
      'error',
      expect.stringMatching(/^The variables are not valid JSON: /)
    );
  });
});

import fc from 'fast-check';
import { getVariableValues, parse, type OperationDefinitionNode } from 'graphql';

import { bundledSchema } from './bundledSchema';
import { TemplateSrvFake } from '../../testing/fakes/templateSrv';
import { buildVariables } from './variables';

// Grafana variables → GraphQL variables: for any declared types, variables JSON and dashboard
// selections, building never throws; every problem is a message naming the variable; and when
// values come only from dashboard variables (text), what is sent is exactly what the schema
// accepts for the declared types, so the API never sees a coercion it would reject.

const schema = bundledSchema();
const TYPES = [
  'Int',
  'Int!',
  'Float',
  'Boolean!',
  'String',
  'ID!',
  '[String]',
  '[Int!]!',
  '[ID]',
  'DataFilter',
  'TimeFilter!',
  'Metric',
];
const NAMES = ['a', 'b', 'c'];

const textArb = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('true', 'false', '', ' ', 'HIT_COUNT', '{"orgId":"o","tenant":"t"}', '[1,2]', '$__all', 'NaN', '1e3'),
  fc.string({ maxLength: 6 })
);
const selectionArb = fc.oneof(textArb, fc.array(textArb, { maxLength: 3 }));
const jsonValueArb = fc.oneof(
  textArb,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('$a', '${b}', '$nosuch', 'x $a y', '$__from'),
  fc.array(fc.oneof(textArb, fc.constant('$b')), { maxLength: 3 })
);

const caseArb = fc.record({
  declared: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...TYPES)), {
    selector: ([n]) => n,
    minLength: 1,
    maxLength: 3,
  }),
  json: fc.dictionary(fc.constantFrom(...NAMES, 'extra'), jsonValueArb, { maxKeys: 3 }),
  dashboard: fc.dictionary(fc.constantFrom(...NAMES), selectionArb, { maxKeys: 3 }),
});

function operation(declared: Array<[string, string]>): OperationDefinitionNode {
  const defs = declared.map(([n, t]) => `$${n}: ${t}`).join(', ');
  return parse(`query Q(${defs}) { listOrganizations { id } }`).definitions[0] as OperationDefinitionNode;
}

const ctx = (dashboard: Record<string, string | string[]>) => ({
  schema,
  settings: { orgUuid: 'org', tenant: 'carbon.super', defaultEnvironmentId: 'env' },
  templateSrv: new TemplateSrvFake(dashboard),
  scopedVars: {},
  macros: { __from: '2026-11-24T00:00:00.000Z', __to: '2026-11-25T00:00:00.000Z' },
});

describe('buildVariables over generated inputs', () => {
  it('never throws; problems name the variable (5,000 cases)', () => {
    fc.assert(
      fc.property(caseArb, ({ declared, json, dashboard }) => {
        const built = buildVariables(operation(declared), json, ctx(dashboard));
        for (const e of built.errors) {
          expect(e).toMatch(/^\$[abc]\b/);
        }
        expect(built.dropped).toEqual(Object.keys(json).filter((k) => !declared.some(([n]) => n === k)));
      }),
      { numRuns: 5_000, seed: 20261125 }
    );
  });

  it('sends only values the schema accepts when they come from dashboard variables (5,000 cases)', () => {
    fc.assert(
      fc.property(caseArb, ({ declared, dashboard }) => {
        const op = operation(declared);
        const built = buildVariables(op, {}, ctx(dashboard));
        if (built.errors.length) {
          return;
        }
        const checked = getVariableValues(schema, op.variableDefinitions ?? [], built.variables);
        expect(checked.errors?.map((e) => e.message) ?? []).toEqual([]);
      }),
      { numRuns: 5_000, seed: 20261125 }
    );
  });
});

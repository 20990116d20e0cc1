/** @jest-environment node */
import { readFileSync } from 'fs';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  IntrospectionQuery,
  buildClientSchema,
  buildSchema,
  findBreakingChanges,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { APIS, DEMO_CREDENTIALS } from './demo';
import { DOCUMENTED_SCHEMA_FILE } from './schema';
import { Emulator, startEmulator } from './server';
import { NOW, PROD_FILTER, demoToken, gql } from './testUtils';

const documented = buildSchema(readFileSync(DOCUMENTED_SCHEMA_FILE, 'utf8'));

let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, now: () => NOW });
  token = await demoToken(emu);
});
afterAll(() => emu.close());

async function introspect() {
  const r = await gql(emu, token, getIntrospectionQuery());
  expect(r.body.errors).toBeUndefined();
  return buildClientSchema(r.body.data as unknown as IntrospectionQuery);
}

describe('introspection matches src/schema/insights-schema.graphql', () => {
  it('has no breaking change against the documented schema', async () => {
    const live = await introspect();
    expect(findBreakingChanges(documented, live)).toEqual([]);
  });

  it('has every documented query, argument, type and field with the documented types', async () => {
    const live = await introspect();
    const docQuery = documented.getQueryType() as GraphQLObjectType;
    expect(Object.keys(docQuery.getFields())).toHaveLength(38);
    for (const [name, type] of Object.entries(documented.getTypeMap())) {
      if (name.startsWith('__')) {
        continue;
      }
      const liveType = live.getType(name);
      expect(liveType?.toString()).toBe(type.toString());
      if (isObjectType(type) || isInputObjectType(type)) {
        const liveFields = (liveType as typeof type).getFields();
        for (const [fname, field] of Object.entries(type.getFields())) {
          expect(`${name}.${fname}: ${liveFields[fname]?.type.toString()}`).toBe(
            `${name}.${fname}: ${field.type.toString()}`
          );
          if ('args' in field) {
            const liveArgs = (liveFields[fname] as GraphQLField<unknown, unknown>).args;
            for (const arg of field.args) {
              const l = liveArgs.find((a) => a.name === arg.name);
              expect(`${name}.${fname}(${arg.name}: ${l?.type.toString()})`).toBe(
                `${name}.${fname}(${arg.name}: ${arg.type.toString()})`
              );
            }
          }
        }
      }
      if (isEnumType(type)) {
        expect((liveType as typeof type).getValues().map((v) => v.name)).toEqual(type.getValues().map((v) => v.name));
      }
    }
  });
});

/** Minimal valid argument values, built from the schema by argument and field names. */
function argValue(name: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    if (name === 'groupByFields') {
      return ['API_NAME'];
    }
    if (name === 'groupByValues') {
      return [];
    }
    return [argValue(name, nullable.ofType as GraphQLInputType)];
  }
  switch (named.name) {
    case 'DataFilter':
      return PROD_FILTER;
    case 'TimeFilter':
      return { from: '2024-03-14T00:00:00Z', to: '2024-03-15T00:00:00Z' };
    case 'OrgFilter':
    case 'TenantDataFilter':
      return { orgId: DEMO_CREDENTIALS.orgUuid };
  }
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      if (isNonNullType(f.type)) {
        out[f.name] = argValue(f.name, f.type);
      }
    }
    return out;
  }
  if (isEnumType(named)) {
    return named.getValues()[0].value;
  }
  if (name === 'onPremKey') {
    return DEMO_CREDENTIALS.onPremKey;
  }
  if (name === 'granularity') {
    return '1h';
  }
  if (name === 'apiId' || named.name === 'ID') {
    return APIS[0].id;
  }
  if (named.name === 'Int') {
    return 5;
  }
  return 'x';
}

function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isScalarType(named) || isEnumType(named)) {
    return '';
  }
  const fields = Object.values((named as GraphQLObjectType).getFields());
  return `{ ${fields.map((f) => `${f.name} ${depth < 4 ? selection(f.type, depth + 1) : ''}`).join(' ')} }`;
}

/** Queries that error by design (see emulator/README.md). */
const EXPECTED_ERRORS: Record<string, string> = {
  getOverallLatencyByAPI: 'INTERNAL_SERVER_ERROR',
  getSuccessAPIsUsageByApplications: 'ON_PREM_KEY_REQUIRED',
};

/** Queries that legitimately return nothing for the demo data. */
const MAY_BE_EMPTY = new Set(['getAPIUsageByGeoLocation']);

describe('every query answers', () => {
  const schema = buildSchema(readFileSync(DOCUMENTED_SCHEMA_FILE, 'utf8'));
  const fields = Object.values((schema.getQueryType() as GraphQLObjectType).getFields());

  it.each(fields.map((f) => [f.name, f] as const))('%s', async (name, field) => {
    const varDefs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const callArgs = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const variables = Object.fromEntries(
      field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, argValue(a.name, a.type)])
    );
    const query = `query${varDefs ? `(${varDefs})` : ''} { ${name}${callArgs ? `(${callArgs})` : ''} ${selection(field.type)} }`;
    const r = await gql(emu, token, query, variables);
    expect(r.status).toBe(200);
    if (EXPECTED_ERRORS[name]) {
      expect(r.body.errors?.[0].extensions?.code).toBe(EXPECTED_ERRORS[name]);
      return;
    }
    expect(r.body.errors).toBeUndefined();
    const value = r.body.data?.[name];
    expect(value).not.toBeNull();
    if (!MAY_BE_EMPTY.has(name)) {
      expect(JSON.stringify(value)).not.toMatch(/^\[\]$|"(summary|usage|errors)":\[\]/);
    }
  });
});

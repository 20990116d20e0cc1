/** @jest-environment node */
import type { GraphQLQueryOptions } from '../types';
import { TemplateSrvFake } from '../../testing/fakes/templateSrv';
import { exploreGraphQL } from './exploreVariables';

const srv = () =>
  new TemplateSrvFake([
    { name: 'api', value: 'a1' },
    { name: 'apis', value: ['a1', 'a2'], multi: true },
    { name: 'env', value: 'env-prod' },
    { name: 'limit', value: '5' },
  ]);

const DOC = 'query X($api: String, $apis: [String!], $env: String, $limit: Int, $nope: Int, $__from: String) { x }';

const explore = (variables: string | undefined, query = DOC) => exploreGraphQL({ query, variables }, srv());
const parsed = (o: GraphQLQueryOptions) => JSON.parse(o.variables ?? '') as unknown;

describe('exploreGraphQL', () => {
  it('writes in the values of references in the variables JSON, a multi-value selection as a list', () => {
    const out = explore(
      JSON.stringify({
        api: '$api',
        apis: '${apis}',
        env: '[[env]]',
        note: 'for $api in $env',
        nested: { l: ['$apis', 3, null, true] },
      }),
      'query X { x }'
    );
    expect(parsed(out)).toEqual({
      api: 'a1',
      apis: ['a1', 'a2'],
      env: 'env-prod',
      note: 'for a1 in env-prod',
      nested: { l: [['a1', 'a2'], 3, null, true] },
    });
  });

  it('keeps macros for Explore to resolve when the query runs', () => {
    const variables = {
      timeFilter: { from: '$__from', to: '${__to}' },
      g: '[[__granularity]]',
    };
    expect(parsed(explore(JSON.stringify(variables), 'query X { x }'))).toEqual(variables);
  });

  it('leaves references to variables nobody defines as written', () => {
    expect(parsed(explore('{"a": "$nope", "b": "${nope2}"}', 'query X { x }'))).toEqual({ a: '$nope', b: '${nope2}' });
  });

  it('fills GraphQL variables the operation declares and the JSON lacks from dashboard variables of the same name', () => {
    expect(parsed(explore('{"api": "given"}'))).toEqual({
      api: 'given',
      apis: ['a1', 'a2'],
      env: 'env-prod',
      limit: '5',
    });
  });

  it('fills declared variables when there is no JSON at all', () => {
    expect(parsed(explore(undefined))).toEqual({ api: 'a1', apis: ['a1', 'a2'], env: 'env-prod', limit: '5' });
    expect(parsed(explore('  '))).toEqual({ api: 'a1', apis: ['a1', 'a2'], env: 'env-prod', limit: '5' });
  });

  it('writes the JSON indented by two spaces and keeps the other options', () => {
    const options: GraphQLQueryOptions = {
      query: 'query X($api: String) { x }',
      variables: '{}',
      dataPath: 'x',
      framesFrom: 'apiUsage',
    };
    expect(exploreGraphQL(options, srv())).toEqual({ ...options, variables: '{\n  "api": "a1"\n}' });
  });

  it('leaves invalid JSON, and JSON that is no object, alone', () => {
    const invalid: GraphQLQueryOptions = { query: DOC, variables: '{"api": "$api",' };
    expect(exploreGraphQL(invalid, srv())).toBe(invalid);
    const list: GraphQLQueryOptions = { query: DOC, variables: '["$api"]' };
    expect(exploreGraphQL(list, srv())).toBe(list);
    const nothing: GraphQLQueryOptions = { query: DOC, variables: 'null' };
    expect(exploreGraphQL(nothing, srv())).toBe(nothing);
  });

  it('takes repeat-scoped values', () => {
    const out = exploreGraphQL({ query: 'query X($api: String) { x }', variables: '{"b": "$api"}' }, srv(), {
      api: { text: 'A9', value: 'a9' },
    });
    expect(parsed(out)).toEqual({ b: 'a9', api: 'a9' });
  });
});

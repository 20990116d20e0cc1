import { bundledSchema } from './bundledSchema';
import { formatProblem, validateGraphQL } from './validate';

const schema = bundledSchema();

function problems(source: string) {
  const r = validateGraphQL(source, schema);
  if (r.ok) {
    throw new Error('expected problems');
  }
  return r.problems.map(formatProblem);
}

describe('validateGraphQL', () => {
  it('accepts a valid query and returns its operation', () => {
    const r = validateGraphQL('query Top($d: DataFilter!) {\n  listAllAPI(dataFilter: $d) { id name }\n}', schema);
    expect(r.ok && r.operation.name?.value).toBe('Top');
  });

  it('accepts the inferred schema extensions', () => {
    expect(validateGraphQL('{ listAllAPI(dataFilter: {orgId: "o", tenant: "t"}) { displayName } }', schema).ok).toBe(
      true
    );
  });

  it('gives syntax errors with line and column', () => {
    expect(problems('query {\n  listAllAPI(dataFilter: {orgId: "o"}\n')).toEqual([
      'Syntax Error: Expected Name, found <EOF>. (line 3, column 1)',
    ]);
  });

  it('gives schema errors with line and column', () => {
    expect(problems('{\n  listAllAPI(dataFilter: {orgId: "o", tenant: "t"}) {\n    nope\n  }\n}')).toEqual([
      'Cannot query field "nope" on type "API". Did you mean "name"? (line 3, column 5)',
    ]);
  });

  it('reports undeclared and unused variables', () => {
    expect(problems('query($x: Int) { listAllAPI(dataFilter: $d) { id } }')).toEqual([
      'Variable "$d" is not defined. (line 1, column 41)',
      'Variable "$x" is never used. (line 1, column 7)',
    ]);
  });

  it('rejects empty documents, several operations and non-queries', () => {
    expect(problems('  ')).toEqual(['The GraphQL query is empty.']);
    expect(problems('query A { listOrganizations { id } }\nquery B { listOrganizations { id } }')).toEqual([
      'The document must contain exactly one operation; it has 2. (line 2, column 1)',
    ]);
    expect(problems('mutation { x }')).toEqual([
      'Only queries can be run from Grafana; this is a mutation. (line 1, column 1)',
    ]);
  });
});

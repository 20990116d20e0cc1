import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export interface GraphQLProblem {
  message: string;
  /** 1-based, as editors show them; absent when graphql-js gives no location. */
  line?: number;
  column?: number;
}

export type ValidationResult =
  { ok: true; document: DocumentNode; operation: OperationDefinitionNode } | { ok: false; problems: GraphQLProblem[] };

/** "message (line 3, column 5)": the form used inline in the editor and in panel errors. */
export function formatProblem(p: GraphQLProblem): string {
  return p.line ? `${p.message} (line ${p.line}, column ${p.column})` : p.message;
}

function fromGraphQLError(e: GraphQLError): GraphQLProblem[] {
  const locations = e.locations ?? [];
  if (!locations.length) {
    return [{ message: e.message }];
  }
  // graphql-js appends the location to syntax error messages only in toString(); keep the
  // bare message and carry the location separately so editors can place a marker.
  return [{ message: e.message, line: locations[0].line, column: locations[0].column }];
}

/**
 * Parses and validates a hand-written document before anything is sent: syntax, then the
 * schema's rules, then what this data source can run (exactly one query operation; the
 * plugin is read-only, so no mutations or subscriptions even if a schema offers them).
 */
export function validateGraphQL(source: string, schema: GraphQLSchema): ValidationResult {
  if (!source.trim()) {
    return { ok: false, problems: [{ message: 'The GraphQL query is empty.' }] };
  }
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (e) {
    if (e instanceof GraphQLError) {
      return { ok: false, problems: fromGraphQLError(e) };
    }
    throw e;
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
  );
  if (operations.length !== 1) {
    const loc = operations[1]?.loc?.startToken;
    return {
      ok: false,
      problems: [
        {
          message: `The document must contain exactly one operation; it has ${operations.length}.`,
          line: loc?.line,
          column: loc?.column,
        },
      ],
    };
  }
  const operation = operations[0];
  if (operation.operation !== 'query') {
    const loc = operation.loc?.startToken;
    return {
      ok: false,
      problems: [
        {
          message: `Only queries can be run from Grafana; this is a ${operation.operation}.`,
          line: loc?.line,
          column: loc?.column,
        },
      ],
    };
  }
  const errors = validate(schema, document);
  if (errors.length) {
    return { ok: false, problems: errors.flatMap(fromGraphQLError) };
  }
  return { ok: true, document, operation };
}

import { useCallback, useEffect, useState } from 'react';

import type { InsightsClient } from '../../client/insightsClient';
import { schemaProviderFor, type SchemaSource } from '../../graphql/schemaProvider';
import { validateGraphQL, type GraphQLProblem } from '../../graphql/validate';
import { parseVariablesJson } from '../../graphql/variables';

export const VALIDATION_DELAY_MS = 300;

export interface ValidationState {
  queryProblems: GraphQLProblem[];
  variablesError?: string;
  schemaSource: SchemaSource;
}

function check(query: string, variables: string | undefined, client: Pick<InsightsClient, 'execute'>): ValidationState {
  const { schema, source } = schemaProviderFor(client).current();
  const result = validateGraphQL(query, schema);
  const vars = parseVariablesJson(variables);
  return {
    queryProblems: result.ok ? [] : result.problems,
    variablesError: 'error' in vars ? vars.error : undefined,
    schemaSource: source,
  };
}

/**
 * Validates the document and the variables JSON as the user types (debounced), against the
 * API's introspected schema once it is known and the bundled one until then. `checkNow`
 * validates immediately: the editor calls it before running, so an invalid document is never
 * sent even if the user runs it within the debounce delay.
 */
export function useGraphQLValidation(
  query: string,
  variables: string | undefined,
  client: Pick<InsightsClient, 'execute'>
) {
  const [state, setState] = useState<ValidationState>(() => check(query, variables, client));
  const [schemaVersion, setSchemaVersion] = useState(0);

  useEffect(() => {
    let live = true;
    // Introspect once per data source instance; revalidate when the real schema arrives.
    schemaProviderFor(client)
      .get()
      .then(() => live && setSchemaVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    const timer = setTimeout(() => setState(check(query, variables, client)), VALIDATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, variables, client, schemaVersion]);

  const checkNow = useCallback(
    (q: string, v: string | undefined) => {
      const next = check(q, v, client);
      setState(next);
      return next;
    },
    [client]
  );

  return { ...state, checkNow };
}

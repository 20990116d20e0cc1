import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';

import documentedSdl from '../schema/insights-schema.graphql';
import inferredSdl from '../schema/insights-schema-inferred.graphql';

let cached: GraphQLSchema | undefined;

/**
 * The documented schema plus the extensions seen in live use, used whenever the API's own
 * schema cannot be introspected. Built once: it is immutable and costs a few milliseconds.
 */
export function bundledSchema(): GraphQLSchema {
  if (!cached) {
    // One document so the `extend` definitions apply to the documented types.
    cached = buildASTSchema(parse(`${documentedSdl}\n${inferredSdl}`), { assumeValidSDL: true });
  }
  return cached;
}

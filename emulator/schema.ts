import { readFileSync } from 'fs';
import { GraphQLSchema, buildSchema } from 'graphql';
import { join } from 'path';

/** The schema files live in the plugin's src/schema, read at run time so both stay in step. */
export const SCHEMA_DIR = join(__dirname, '..', 'src', 'schema');
export const DOCUMENTED_SCHEMA_FILE = join(SCHEMA_DIR, 'insights-schema.graphql');
export const INFERRED_SCHEMA_FILE = join(SCHEMA_DIR, 'insights-schema-inferred.graphql');

let cached: GraphQLSchema | undefined;

/** The documented schema plus the undocumented extensions seen in live use. */
export function loadSchema(): GraphQLSchema {
  if (!cached) {
    const sdl = [DOCUMENTED_SCHEMA_FILE, INFERRED_SCHEMA_FILE].map((f) => readFileSync(f, 'utf8')).join('\n');
    cached = buildSchema(sdl);
  }
  return cached;
}

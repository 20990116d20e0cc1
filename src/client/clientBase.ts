import type { InsightsClient } from './graphqlClient';

/**
 * A per-target stand-in for the instance's client (see src/queries/batch/targetClient.ts)
 * names the client it wraps, so per-instance caches keyed by client (the GraphQL schema) keep
 * one entry per data source instance rather than one per panel run.
 */
export interface WrapsClient {
  readonly base: InsightsClient;
}

export function baseClient<C extends object>(client: C): C | InsightsClient {
  const base = (client as Partial<WrapsClient>).base;
  return base ?? client;
}

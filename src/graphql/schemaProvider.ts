import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

import type { InsightsClient } from '../client/insightsClient';
import { bundledSchema } from './bundledSchema';

const RETRY_AFTER_MS = 5 * 60_000;

export type SchemaSource = 'introspection' | 'bundled';

export interface ResolvedSchema {
  schema: GraphQLSchema;
  source: SchemaSource;
  /** Why introspection was not used, when it was not. */
  reason?: string;
}

/**
 * The schema to validate hand-written queries against, per data source instance: the API's
 * own (by introspection through the route, so the token is attached) when it answers, else
 * the bundled one. One introspection per instance: a data source saved again is a new
 * instance (and a new client), so a stale schema never outlives a settings change.
 */
export class SchemaProvider {
  private pending?: Promise<ResolvedSchema>;
  private resolved?: ResolvedSchema;
  private failedAt = 0;

  constructor(
    private readonly client: Pick<InsightsClient, 'execute'>,
    private readonly now: () => number = Date.now
  ) {}

  /** The schema known right now, without waiting: the bundled one until introspection is done. */
  current(): ResolvedSchema {
    return this.resolved ?? { schema: bundledSchema(), source: 'bundled', reason: 'introspection pending' };
  }

  get(): Promise<ResolvedSchema> {
    // A failed introspection (network, expired token) is retried, but not on every query.
    if (this.pending && this.resolved?.source === 'bundled' && this.now() - this.failedAt > RETRY_AFTER_MS) {
      this.pending = undefined;
    }
    if (!this.pending) {
      this.pending = this.introspect().then((r) => {
        this.resolved = r;
        if (r.source === 'bundled') {
          this.failedAt = this.now();
        }
        return r;
      });
    }
    return this.pending;
  }

  private async introspect(): Promise<ResolvedSchema> {
    try {
      // With descriptions: the GraphQL editor's hover and completion show them.
      const result = await this.client.execute<IntrospectionQuery>({
        query: getIntrospectionQuery({ descriptions: true }),
        operationName: 'IntrospectionQuery',
      });
      return { schema: buildClientSchema(result.data), source: 'introspection' };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { schema: bundledSchema(), source: 'bundled', reason };
    }
  }
}

// Keyed by client because the client is created once per data source instance.
const providers = new WeakMap<object, SchemaProvider>();

export function schemaProviderFor(client: Pick<InsightsClient, 'execute'>): SchemaProvider {
  let provider = providers.get(client);
  if (!provider) {
    provider = new SchemaProvider(client);
    providers.set(client, provider);
  }
  return provider;
}

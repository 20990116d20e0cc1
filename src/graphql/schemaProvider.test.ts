import { buildSchema, graphqlSync, getIntrospectionQuery } from 'graphql';

import type { InsightsTransport } from '../client/insightsClient';
import { SchemaProvider, schemaProviderFor } from './schemaProvider';

const live = buildSchema('type Query { onlyLive: Int }');

describe('SchemaProvider', () => {
  it('uses the introspected schema when the API answers, once per instance', async () => {
    const execute = jest.fn(async () => ({
      data: graphqlSync({ schema: live, source: getIntrospectionQuery() }).data,
      errors: [],
    }));
    const provider = new SchemaProvider({ execute } as unknown as InsightsTransport);
    expect(provider.current().source).toBe('bundled');
    const first = await provider.get();
    await provider.get();
    expect(first.source).toBe('introspection');
    expect(first.schema.getQueryType()?.getFields()).toHaveProperty('onlyLive');
    expect(execute).toHaveBeenCalledTimes(1);
    expect(provider.current().source).toBe('introspection');
  });

  it('falls back to the bundled schema and retries only after a while', async () => {
    let now = 0;
    const execute = jest.fn(async () => {
      throw new Error('HTTP 403');
    });
    const provider = new SchemaProvider({ execute } as unknown as InsightsTransport, () => now);
    const r = await provider.get();
    expect(r).toMatchObject({ source: 'bundled', reason: 'HTTP 403' });
    expect(r.schema.getQueryType()?.getFields()).toHaveProperty('getAlertSummary');
    await provider.get();
    expect(execute).toHaveBeenCalledTimes(1);
    now = 6 * 60_000;
    await provider.get();
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('is cached per client (one per data source instance)', () => {
    const a = { execute: jest.fn() } as unknown as InsightsTransport;
    const b = { execute: jest.fn() } as unknown as InsightsTransport;
    expect(schemaProviderFor(a)).toBe(schemaProviderFor(a));
    expect(schemaProviderFor(a)).not.toBe(schemaProviderFor(b));
  });
});

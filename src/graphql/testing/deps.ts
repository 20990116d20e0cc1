import { dateTime, type TimeRange } from '@grafana/data';

import type { GraphQLRequest, GraphQLResult, InsightsClient } from '../../client/graphqlClient';
import type { MetadataService } from '../../metadata/metadataService';
import type { QueryDeps } from '../../queries/queryDeps';
import { resolveSettings } from '../../settings/resolveSettings';
import { fakeTemplateSrv } from './fakeTemplateSrv';

export const RANGE: TimeRange = {
  from: dateTime(Date.UTC(2024, 0, 1)),
  to: dateTime(Date.UTC(2024, 0, 2)),
  raw: { from: 'now-1d', to: 'now' },
};

/** A client that records requests and answers introspection with an error (bundled schema). */
export function fakeClient(answer: (req: GraphQLRequest) => unknown) {
  const calls: GraphQLRequest[] = [];
  const client = {
    execute: jest.fn(async (req: GraphQLRequest): Promise<GraphQLResult<unknown>> => {
      if (req.operationName === 'IntrospectionQuery') {
        throw new Error('introspection disabled');
      }
      calls.push(req);
      const out = answer(req);
      if (out instanceof Error) {
        throw out;
      }
      return out as GraphQLResult<unknown>;
    }),
  };
  return { client: client as unknown as InsightsClient, calls };
}

export function fakeDeps(client: InsightsClient, vars: Record<string, string | string[]> = {}): QueryDeps {
  return {
    client,
    settings: resolveSettings({ orgUuid: 'ORG-UUID', defaultEnvironmentId: 'env-1' }),
    templateSrv: fakeTemplateSrv(vars),
    metadata: {} as MetadataService,
  };
}

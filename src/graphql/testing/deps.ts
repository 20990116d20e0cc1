import { dateTime, type TimeRange } from '@grafana/data';

import { FakeTransport, type Answer } from '../../../testing/fakes/transport';
import type { GraphQLRequest } from '../../client/insightsClient';

export const RANGE: TimeRange = {
  from: dateTime(Date.UTC(2024, 0, 1)),
  to: dateTime(Date.UTC(2024, 0, 2)),
  raw: { from: 'now-1d', to: 'now' },
};

/** The data source settings of the GraphQL specs. */
export const JSON_DATA = { orgUuid: 'ORG-UUID', defaultEnvironmentId: 'env-1' };

/**
 * A FakeTransport answering operation `name` with `answer`, and schema introspection with an
 * error (so the bundled schema validates documents).
 */
export function graphqlAnswers(name: string, answer: (req: GraphQLRequest) => Answer) {
  return { [name]: answer, IntrospectionQuery: new Error('introspection disabled') };
}

/** What the transport sent, introspection left out. */
export function sentQueries(transport: FakeTransport): GraphQLRequest[] {
  return transport.requests.filter((r) => r.operationName !== 'IntrospectionQuery');
}

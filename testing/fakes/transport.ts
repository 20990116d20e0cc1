/**
 * The one fake InsightsTransport of the unit specs: answers each GraphQL request by its
 * operation name (a fixed answer, or a function of the request for pages), records every
 * request, and answers a panel's merged batch (`Batch_A_B`, members prefixed `t0_`, `t1_`...)
 * member by member, the way a GraphQL server answers the aliased fields of one document.
 */
import { defer, Observable } from 'rxjs';

import { InsightsError } from '../../src/client/errors';
// Types only: the client module imports @grafana/runtime, which needs a DOM.
import type {
  GraphQLErrorItem,
  GraphQLRequest,
  GraphQLResult,
  InsightsTransport,
  RequestOptions,
} from '../../src/client/insightsClient';

/** A GraphQL answer, or what the call throws (an InsightsError for HTTP failures). */
export type Answer = { data: unknown; errors?: GraphQLErrorItem[] } | Error;
export type Answers = Record<string, Answer | ((request: GraphQLRequest) => Answer)>;

/** What the default answers hold: two APIs and one environment. */
export const FAKE_APIS = [
  { id: 'api-orders', name: 'Orders API', version: 'v1', provider: 'alice' },
  { id: 'api-pay', name: 'Payments', version: '2.0.0', provider: 'bob' },
];

export const DEFAULT_ANSWERS: Answers = {
  ListApis: { data: { listAllAPI: FAKE_APIS } },
  ListEnvironments: { data: { listEnvironments: [{ id: 'env-first', name: 'Development', type: 'CHOREO' }] } },
};

const BATCH = /^Batch_/;
const MEMBER = /^t(\d+)_(.*)$/;

export interface SentRequest extends GraphQLRequest {
  requestId?: string;
}

export class FakeTransport implements InsightsTransport {
  /** Every request as the runner sent it (one merged request per batch), in order. */
  readonly requests: SentRequest[] = [];
  /** Subscriptions ended before an answer came (a cancelled run). */
  cancelled = 0;
  /** How long each answer takes (ms). */
  delayMs: number;
  private readonly answers: Answers;

  /** `defaults: false` leaves out DEFAULT_ANSWERS (the list lookups). */
  constructor(answers: Answers = {}, options: { defaults?: boolean; delayMs?: number } = {}) {
    this.answers = { ...(options.defaults === false ? {} : DEFAULT_ANSWERS), ...answers };
    this.delayMs = options.delayMs ?? 0;
  }

  /** The requests of one operation (a batch's members count under their own names). */
  sent(operationName: string): GraphQLRequest[] {
    return this.requests
      .flatMap((r) => (BATCH.test(r.operationName ?? '') ? this.members(r) : [r]))
      .filter((r) => r.operationName === operationName);
  }

  request<T>(request: GraphQLRequest, options: RequestOptions = {}): Observable<GraphQLResult<T>> {
    return defer(
      () =>
        new Observable<GraphQLResult<T>>((subscriber) => {
          this.requests.push({ ...request, requestId: options.requestId });
          let done = false;
          const answer = () => {
            done = true;
            try {
              subscriber.next(this.answer(request) as GraphQLResult<T>);
              subscriber.complete();
            } catch (err) {
              subscriber.error(err);
            }
          };
          // A real call answers later; a delay lets a test unsubscribe first.
          const timer = setTimeout(answer, this.delayMs);
          return () => {
            clearTimeout(timer);
            if (!done) {
              this.cancelled++;
            }
          };
        })
    );
  }

  async execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    this.requests.push({ ...request });
    return this.answer(request) as GraphQLResult<T>;
  }

  private answer(request: GraphQLRequest): GraphQLResult<unknown> {
    if (BATCH.test(request.operationName ?? '')) {
      return this.answerBatch(request);
    }
    const a = this.lookup(request);
    if (a instanceof Error) {
      throw a;
    }
    const errors = a.errors ?? [];
    if (a.data === null || a.data === undefined) {
      // As InsightsClient.parse: errors and no data fail the call.
      const described = errors.map((e) => `${e.message}${e.path?.length ? ` (at ${e.path.join('.')})` : ''}`);
      throw new InsightsError('graphql', `Insights API error: ${described.join('; ')}`);
    }
    return { data: a.data, errors };
  }

  private lookup(request: GraphQLRequest): Exclude<Answer, Error> | Error {
    const name = request.operationName ?? '';
    const a = Object.prototype.hasOwnProperty.call(this.answers, name) ? this.answers[name] : undefined;
    const answer = typeof a === 'function' ? a(request) : a;
    if (!answer) {
      throw new Error(`FakeTransport: no answer for operation "${name}"`);
    }
    return answer;
  }

  /** The members of a merged request: their operation names and their own variables. */
  private members(request: GraphQLRequest): GraphQLRequest[] {
    const names = (request.operationName ?? '').replace(BATCH, '').split('_');
    return names.map((operationName, i) => {
      const variables: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(request.variables ?? {})) {
        const m = MEMBER.exec(k);
        if (m && Number(m[1]) === i) {
          variables[m[2]] = v;
        }
      }
      return { query: request.query, operationName, variables };
    });
  }

  private answerBatch(request: GraphQLRequest): GraphQLResult<unknown> {
    const data: Record<string, unknown> = {};
    const errors: GraphQLErrorItem[] = [];
    this.members(request).forEach((member, i) => {
      const a = this.lookup(member);
      if (a instanceof Error) {
        // An HTTP failure fails the one POST, so every member.
        throw a;
      }
      for (const [k, v] of Object.entries((a.data ?? {}) as Record<string, unknown>)) {
        data[`t${i}_${k}`] = v;
      }
      for (const e of a.errors ?? []) {
        errors.push(typeof e.path?.[0] === 'string' ? { ...e, path: [`t${i}_${e.path[0]}`, ...e.path.slice(1)] } : e);
      }
    });
    return { data, errors };
  }
}

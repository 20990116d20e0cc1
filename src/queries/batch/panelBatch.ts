import {
  describeGraphQLError,
  type GraphQLRequest,
  type GraphQLResult,
  type InsightsClient,
  type RequestOptions,
} from '../../client/graphqlClient';
import { InsightsError, isInsightsError } from '../../client/errors';
import type { DocumentMerger } from './documentMerger';
import { onlyErrors, splitResponse, type MemberResult } from './splitResponse';

type Execute = Pick<InsightsClient, 'execute'>;

interface Member {
  request: GraphQLRequest;
  resolve: (r: GraphQLResult<unknown>) => void;
  reject: (e: unknown) => void;
}

export interface BatchOptions {
  /** The panel run's requestId; the batched POST is sent as `<requestId>-batch`. */
  requestId?: string;
  /** Aborted when the panel run is superseded. */
  signal?: AbortSignal;
}

/** A member whose every field is null and that has errors failed, like a lone request would. */
function settle(member: Member, result: MemberResult): void {
  if (onlyErrors(result)) {
    member.reject(
      new InsightsError('graphql', `Insights API error: ${result.errors.map(describeGraphQLError).join('; ')}`)
    );
  } else {
    member.resolve(result);
  }
}

/**
 * Collects the first request of each target of one panel run and sends them as one GraphQL
 * document in one POST once every target has either asked or finished without asking (a
 * barrier, not a timer: deterministic, and no target waits longer than the slowest target's
 * preparation, which is cached metadata in the common case).
 *
 * Documents that cannot be merged (fragments, several operations, mutations) go alone, at the
 * same moment. If the server rejects the merged document as a whole (GraphQL errors and no
 * data, e.g. one hand-written query does not validate), each member is retried alone so the
 * error stays with the target that caused it.
 */
export class PanelBatch {
  private readonly members = new Map<number, Member>();
  private remaining: number;
  /** POSTs this batch sent, for tests. */
  sent = 0;

  constructor(
    private readonly client: Execute,
    private readonly merger: () => Promise<DocumentMerger>,
    count: number,
    private readonly options: BatchOptions = {}
  ) {
    this.remaining = count;
  }

  /** Member `index` asks for `request`; answered when the batch is sent. */
  join(index: number, request: GraphQLRequest): Promise<GraphQLResult<unknown>> {
    return new Promise((resolve, reject) => {
      this.members.set(index, { request, resolve, reject });
      this.arrive();
    });
  }

  /** Member `index` will not ask (failed before, or needs no request). */
  leave(): void {
    this.arrive();
  }

  private arrive(): void {
    this.remaining--;
    if (this.remaining === 0) {
      void this.flush();
    }
  }

  private async flush(): Promise<void> {
    const members = [...this.members.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
    if (members.length < 2) {
      // Nothing to merge: graphql-js is not even loaded.
      await Promise.all(members.map((m) => this.sendAlone(m)));
      return;
    }
    let merger: DocumentMerger;
    try {
      merger = await this.merger();
    } catch (e) {
      members.forEach((m) => m.reject(e));
      return;
    }
    const mergeable = members.filter((m) => !merger.unmergeable(m.request.query));
    const alone = members.filter((m) => !mergeable.includes(m));
    await Promise.all([
      ...alone.map((m) => this.sendAlone(m)),
      mergeable.length === 1
        ? this.sendAlone(mergeable[0])
        : mergeable.length > 1
          ? this.sendMerged(merger, mergeable)
          : null,
    ]);
  }

  private opts(suffix: string): RequestOptions {
    const { requestId, signal } = this.options;
    return { requestId: requestId ? `${requestId}-${suffix}` : undefined, signal };
  }

  private async sendAlone(member: Member): Promise<void> {
    this.sent++;
    try {
      const r = await this.client.execute<Record<string, unknown>>(member.request, this.opts('single'));
      settle(member, { data: r.data, errors: r.errors });
    } catch (e) {
      member.reject(e);
    }
  }

  private async sendMerged(merger: DocumentMerger, members: Member[]): Promise<void> {
    const merged = merger.merge(members.map((m) => m.request.query));
    if ('unmergeable' in merged) {
      // Each document passed on its own; only a combination could fail (it cannot today).
      await Promise.all(members.map((m) => this.sendAlone(m)));
      return;
    }
    const variables = merger.variables(
      merged,
      members.map((m) => m.request.variables)
    );
    this.sent++;
    let result: GraphQLResult<Record<string, unknown>>;
    try {
      result = await this.client.execute<Record<string, unknown>>(
        { query: merged.document, variables, operationName: merged.operationName },
        this.opts('batch')
      );
    } catch (e) {
      if (isInsightsError(e) && e.kind === 'graphql') {
        await Promise.all(members.map((m) => this.sendAlone(m)));
        return;
      }
      members.forEach((m) => m.reject(e));
      return;
    }
    splitResponse(merged, members.length, result.data, result.errors).forEach((r, i) => settle(members[i], r));
  }
}

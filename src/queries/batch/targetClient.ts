import type { GraphQLRequest, GraphQLResult, InsightsClient, RequestOptions } from '../../client/graphqlClient';
import type { WrapsClient } from '../../client/clientBase';
import type { PanelBatch } from './panelBatch';

/**
 * What one target of a panel run uses as its client: its first request joins the panel's
 * batch; later ones (pages after the first) go straight to the instance's client. Every
 * request carries the run's abort signal.
 */
export class TargetClient implements WrapsClient {
  private asked = false;

  constructor(
    readonly base: InsightsClient,
    private readonly batch: PanelBatch,
    private readonly index: number,
    private readonly signal?: AbortSignal
  ) {}

  execute<T>(request: GraphQLRequest, options: RequestOptions = {}): Promise<GraphQLResult<T>> {
    if (!this.asked) {
      this.asked = true;
      // The batch answers with the shape this request's own document asks for.
      return this.batch.join(this.index, request) as Promise<GraphQLResult<T>>;
    }
    return this.base.execute<T>(request, { ...options, signal: this.signal });
  }

  /** The target is done: if it never asked, the batch stops waiting for it. */
  finish(): void {
    if (!this.asked) {
      this.asked = true;
      this.batch.leave();
    }
  }
}

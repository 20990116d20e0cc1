import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { lastValueFrom, Observable, type Subscriber } from 'rxjs';

import type { ChoreoQuery } from '../../types';
import type { QueryDeps } from '../queryDeps';
import { runQueries, type PerTargetDeps } from '../runQueries';
import type { DocumentMerger } from './documentMerger';
import { PanelBatch } from './panelBatch';
import { panelKey } from './panelKey';
import { PanelRuns } from './panelRuns';
import { TargetClient } from './targetClient';

/**
 * What DataSource.query returns: an Observable (Grafana unsubscribes from a superseded run,
 * which cancels its requests) that can also be awaited, since scripts, the sandbox and specs
 * treat query() as a Promise. A superseded run completes without a value: its late answer is
 * never shown; awaited, it gives an empty response.
 */
export class QueryResponse extends Observable<DataQueryResponse> implements Promise<DataQueryResponse> {
  readonly [Symbol.toStringTag] = 'QueryResponse';

  private settle(): Promise<DataQueryResponse> {
    return lastValueFrom(this, { defaultValue: { data: [] } });
  }

  then<A = DataQueryResponse, B = never>(
    onFulfilled?: ((value: DataQueryResponse) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null
  ): Promise<A | B> {
    return this.settle().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<DataQueryResponse | B> {
    return this.settle().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<DataQueryResponse> {
    return this.settle().finally(onFinally);
  }
}

/**
 * Runs panel requests for one data source instance: all targets' first requests in one POST
 * (PanelBatch), a newer run of the same panel cancelling the older (PanelRuns).
 */
export class PanelQueryRunner {
  private mergerLoad?: Promise<DocumentMerger>;

  /**
   * graphql-js (parser, printer) is loaded on the first panel with two targets or more, in its
   * own chunk: it is the same chunk raw GraphQL mode loads.
   */
  merger(): Promise<DocumentMerger> {
    this.mergerLoad ??= import('./documentMerger').then((m) => new m.DocumentMerger());
    // A failed chunk load (network) is retried by the next panel run.
    this.mergerLoad.catch(() => (this.mergerLoad = undefined));
    return this.mergerLoad;
  }
  private readonly runs = new PanelRuns();

  query(request: DataQueryRequest<ChoreoQuery>, deps: () => QueryDeps): QueryResponse {
    return new QueryResponse((subscriber) => {
      const key = panelKey(request);
      const controller = this.runs.start(key);
      void this.run(request, deps(), controller.signal).then(
        (response) => this.deliver(subscriber, controller.signal, response),
        (err: unknown) => subscriber.error(err)
      );
      return () => {
        // Unsubscribed before the answer (Grafana moved on): stop the requests.
        controller.abort();
        this.runs.finish(key, controller);
      };
    });
  }

  private deliver(subscriber: Subscriber<DataQueryResponse>, signal: AbortSignal, response: DataQueryResponse): void {
    if (!signal.aborted) {
      subscriber.next(response);
    }
    subscriber.complete();
  }

  private run(
    request: DataQueryRequest<ChoreoQuery>,
    deps: QueryDeps,
    signal: AbortSignal
  ): Promise<DataQueryResponse> {
    const perTarget: PerTargetDeps = (count) => {
      const batch = new PanelBatch(deps.client, () => this.merger(), count, { requestId: request.requestId, signal });
      return (index) => {
        const client = new TargetClient(deps.client, batch, index, signal);
        // Query code only calls execute(); schemaProviderFor unwraps TargetClient to its base.
        return { deps: { ...deps, client: client as unknown as QueryDeps['client'] }, done: () => client.finish() };
      };
    };
    return runQueries(request, deps, perTarget);
  }
}

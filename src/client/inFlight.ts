import { InsightsError } from './errors';

interface Shared {
  promise: Promise<unknown>;
  /** Stops the HTTP call (the fetch Observable is unsubscribed, which aborts it). */
  abort: AbortController;
  waiters: number;
  settled: boolean;
}

export function cancelledError(): InsightsError {
  return new InsightsError('cancelled', 'The request was cancelled because a newer one replaced it.');
}

/**
 * Identical requests in flight at the same time share one HTTP call (several panels asking
 * for the same thing on dashboard load, a refresh clicked twice). Each caller may give up
 * through its AbortSignal (its panel run was superseded); the HTTP call itself is cancelled,
 * through Grafana's requestId cancellation, only when no caller is left waiting, so one
 * panel's refresh never cancels another panel's data.
 */
export class InFlightRequests {
  private readonly pending = new Map<string, Shared>();

  /** Calls in flight now, for tests. */
  get size(): number {
    return this.pending.size;
  }

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(cancelledError());
    }
    let shared = this.pending.get(key);
    if (!shared) {
      shared = this.begin(key, start);
    }
    const entry = shared;
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.release(key, entry);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          // A caller that gave up has been answered already (rejected as cancelled).
          if (!signal?.aborted) {
            resolve(value as T);
          }
        },
        (err: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          if (!signal?.aborted) {
            reject(err);
          }
        }
      );
    });
  }

  private begin<T>(key: string, start: (signal: AbortSignal) => Promise<T>): Shared {
    const entry: Shared = { promise: Promise.resolve(), abort: new AbortController(), waiters: 0, settled: false };
    const done = () => {
      entry.settled = true;
      if (this.pending.get(key) === entry) {
        this.pending.delete(key);
      }
    };
    entry.promise = start(entry.abort.signal).then(
      (v) => {
        done();
        return v;
      },
      (err: unknown) => {
        done();
        throw err;
      }
    );
    // Every waiter may have left before the answer: the rejection then has no listener.
    entry.promise.catch(() => undefined);
    this.pending.set(key, entry);
    return entry;
  }

  private release(key: string, entry: Shared): void {
    entry.waiters--;
    if (entry.waiters > 0 || entry.settled) {
      return;
    }
    // A refresh aborts the old run before the new one has built its requests: wait a task so an
    // identical new request joins this call instead of cancelling it and sending it again.
    setTimeout(() => {
      if (entry.waiters > 0 || entry.settled) {
        return;
      }
      if (this.pending.get(key) === entry) {
        this.pending.delete(key);
      }
      entry.abort.abort();
    }, 0);
  }
}

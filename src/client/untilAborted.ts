import type { Observable } from 'rxjs';

import { cancelledError } from './inFlight';

/**
 * The last value of a fetch Observable, unsubscribing when `signal` aborts: Grafana's
 * backend_srv (like rxjs fromFetch) aborts the HTTP request on unsubscribe.
 */
export function untilAborted<T>(source: Observable<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    let last: { value: T } | undefined;
    const onAbort = () => {
      subscription.unsubscribe();
      reject(cancelledError());
    };
    const subscription = source.subscribe({
      next: (value) => {
        last = { value };
      },
      error: (err: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      },
      complete: () => {
        signal?.removeEventListener('abort', onAbort);
        if (last) {
          resolve(last.value);
        } else {
          reject(new Error('The request completed without a response.'));
        }
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import { InsightsError } from './errors';

/**
 * When to try a failed Insights call again. Only throttling (429) and "unavailable" (503) are
 * retried: every other 4xx is the caller's mistake and would fail the same way again.
 */
export interface RetryPolicy {
  maxRetries: number;
  /** Total time the retries may wait, so a panel never hangs on a throttled API. */
  maxTotalWaitMs: number;
  /** Wait when the server names none: the first retry waits this, the next twice as long. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  maxTotalWaitMs: 10_000,
  baseDelayMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function isRetryable(e: unknown): e is InsightsError {
  return e instanceof InsightsError && (e.status === 429 || e.status === 503);
}

/**
 * How long to wait before retry number `attempt` (0-based), or undefined when the wait would
 * break the budget. The server's own wait wins; Grafana's backend_srv does not expose response
 * headers of failed requests, so it usually comes from WSO2's `nextAccessTime` in the body.
 */
export function retryDelayMs(
  e: InsightsError,
  attempt: number,
  waitedMs: number,
  policy: RetryPolicy
): number | undefined {
  if (attempt >= policy.maxRetries) {
    return undefined;
  }
  const delay = e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : policy.baseDelayMs * 2 ** attempt;
  return waitedMs + delay <= policy.maxTotalWaitMs ? delay : undefined;
}

/** Runs `call`, retrying throttled/unavailable answers per the policy. */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!isRetryable(e)) {
        throw e;
      }
      const delay = retryDelayMs(e, attempt, waited, policy);
      if (delay === undefined) {
        throw e;
      }
      waited += delay;
      await policy.sleep(delay);
    }
  }
}

import { redact } from './redact';

/**
 * What went wrong with a call to the Insights API, in words a Grafana user can act on. The
 * `kind` lets callers (health check, panels, retries) react without parsing messages.
 */
export type InsightsErrorKind =
  | 'auth'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'unreachable'
  | 'timeout'
  | 'badRequest'
  | 'badResponse'
  | 'graphql'
  | 'cancelled';

export class InsightsError extends Error {
  readonly kind: InsightsErrorKind;
  readonly status?: number;
  /** Seconds the server asked us to wait (429/503 `Retry-After`). */
  readonly retryAfterSeconds?: number;

  constructor(kind: InsightsErrorKind, message: string, opts: { status?: number; retryAfterSeconds?: number } = {}) {
    super(redact(message));
    this.name = 'InsightsError';
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export function isInsightsError(e: unknown): e is InsightsError {
  return e instanceof InsightsError;
}

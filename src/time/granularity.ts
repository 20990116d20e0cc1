import type { Granularity } from '../types';

/** Granularities the Insights API accepts (anything else, e.g. `1w`, is an HTTP 400). */
export type ConcreteGranularity = Exclude<Granularity, 'auto'>;

export const GRANULARITY_MS: Readonly<Record<ConcreteGranularity, number>> = {
  '1m': 60_000,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
  '7d': 7 * 86_400_000,
};

/** Finest first. */
export const CONCRETE_GRANULARITIES: readonly ConcreteGranularity[] = ['1m', '15m', '1h', '1d', '7d'];

/** Used when a request carries no maxDataPoints (Grafana always sends one from panels). */
export const DEFAULT_MAX_DATA_POINTS = 1000;

export function isConcreteGranularity(g: unknown): g is ConcreteGranularity {
  return typeof g === 'string' && Object.prototype.hasOwnProperty.call(GRANULARITY_MS, g);
}

export interface AutoGranularityInput {
  fromMs: number;
  toMs: number;
  /** Panel width in points: more buckets than this cannot be drawn. */
  maxDataPoints?: number;
  /** Grafana's interval for the panel: finer buckets only add noise. */
  intervalMs?: number;
}

/**
 * The finest granularity that keeps the bucket count at or under maxDataPoints and is not
 * finer than the panel's interval. When even 7d gives too many buckets, 7d (the coarsest the API
 * has) is still the best answer.
 */
export function autoGranularity({
  fromMs,
  toMs,
  maxDataPoints,
  intervalMs,
}: AutoGranularityInput): ConcreteGranularity {
  const span = Math.max(0, toMs - fromMs);
  const maxPoints = maxDataPoints && maxDataPoints > 0 ? maxDataPoints : DEFAULT_MAX_DATA_POINTS;
  const minStep = intervalMs && intervalMs > 0 ? intervalMs : 0;
  for (const g of CONCRETE_GRANULARITIES) {
    const step = GRANULARITY_MS[g];
    if (step >= minStep && Math.ceil(span / step) <= maxPoints) {
      return g;
    }
  }
  return '7d';
}

export type GranularityResult = { granularity: ConcreteGranularity } | { error: string };

/** Resolves the query's granularity choice (absent = auto) to one the API accepts. */
export function resolveGranularity(choice: unknown, input: AutoGranularityInput): GranularityResult {
  if (choice === undefined || choice === null || choice === '' || choice === 'auto') {
    return { granularity: autoGranularity(input) };
  }
  if (isConcreteGranularity(choice)) {
    return { granularity: choice };
  }
  return {
    error: `Unknown granularity "${String(choice)}": choose auto, ${CONCRETE_GRANULARITIES.join(', ')}.`,
  };
}

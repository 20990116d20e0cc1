/**
 * Local auto-granularity resolver for `$__granularity`. The builder queries will own a shared
 * `src/time/` module; until it exists this mirrors the API's own choice so a hand-written
 * query asks for buckets the API accepts (`1m`, `15m`, `1h`, `1d`, `7d`; anything else is an
 * HTTP 400) and no more than about `MAX_POINTS` of them.
 */
const STEPS: Array<{ value: string; ms: number }> = [
  { value: '1m', ms: 60_000 },
  { value: '15m', ms: 15 * 60_000 },
  { value: '1h', ms: 3_600_000 },
  { value: '1d', ms: 86_400_000 },
  { value: '7d', ms: 7 * 86_400_000 },
];

const MAX_POINTS = 1_000;

/**
 * The smallest accepted granularity that is not finer than Grafana's interval and keeps the
 * bucket count under MAX_POINTS; `7d` when even that is too fine.
 */
export function autoGranularity(rangeMs: number, intervalMs = 0): string {
  for (const step of STEPS) {
    if (step.ms >= intervalMs && rangeMs / step.ms <= MAX_POINTS) {
      return step.value;
    }
  }
  return STEPS[STEPS.length - 1].value;
}

import { performance } from 'node:perf_hooks';

/** Collects garbage between runs when Node was started with --expose-gc. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Median of `runs` measurements after warm-up runs (so the JIT has optimised the code, as in a long-lived browser tab). */
export function median(runs: number, measure: () => number, warmUp = 3): number {
  for (let i = 0; i < warmUp; i++) {
    measure();
  }
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    xs.push(measure());
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

export async function medianAsync(runs: number, measure: () => Promise<number>): Promise<number> {
  await measure();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    xs.push(await measure());
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

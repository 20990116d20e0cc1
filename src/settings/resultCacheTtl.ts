import type { ChoreoOptions } from '../options';

/** The config page allows up to an hour: past that, "recent" answers are stale dashboards. */
export const MAX_RESULT_CACHE_TTL_SECONDS = 3600;

/** Why a TTL value cannot be saved, or undefined when it can (empty means off). */
export function resultCacheTtlProblem(value: string): string | undefined {
  const text = value.trim();
  if (!text) {
    return undefined;
  }
  if (!/^\d+$/.test(text) || Number(text) > MAX_RESULT_CACHE_TTL_SECONDS) {
    return `A whole number of seconds from 0 to ${MAX_RESULT_CACHE_TTL_SECONDS}.`;
  }
  return undefined;
}

/** The TTL in ms; anything invalid (hand-edited provisioning) turns the cache off. */
export function resultCacheTtlMs(jsonData: Pick<ChoreoOptions, 'resultCacheTtlSeconds'>): number {
  const s = Number(jsonData.resultCacheTtlSeconds ?? 0);
  return Number.isInteger(s) && s > 0 && s <= MAX_RESULT_CACHE_TTL_SECONDS ? s * 1000 : 0;
}

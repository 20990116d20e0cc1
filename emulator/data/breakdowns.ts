import { APPLICATIONS, AppDef, PLATFORMS, ResourceDef, USER_AGENTS } from '../demo';
import { hashString, splitExact, unit } from '../hash';
import { HOUR } from '../time';
import { Cell } from './cells';

/**
 * Splits of a cell's counts along other dimensions. Each split is exact (parts sum to the whole),
 * so within any bucket the breakdowns agree with the totals.
 */

export type ErrorCategory = 'AUTH' | 'TARGET_CONNECTIVITY' | 'THROTTLED' | 'OTHER';
export const ERROR_CATEGORIES: readonly ErrorCategory[] = ['AUTH', 'TARGET_CONNECTIVITY', 'THROTTLED', 'OTHER'];

export interface CategoryCounts {
  AUTH: number;
  TARGET_CONNECTIVITY: number;
  THROTTLED: number;
  OTHER: number;
}

/** High error rates are outages: mostly the backend being unreachable. */
export function splitErrorCategories(cell: Cell, t: number, errors: number, total: number): CategoryCounts {
  if (!cell.api) {
    return { AUTH: 0, TARGET_CONNECTIVITY: 0, THROTTLED: 0, OTHER: errors };
  }
  const [a, c, th, o] = cell.api.errorMix;
  const outage = total > 0 && errors / total > 0.15;
  const h = Math.floor(t / HOUR);
  const w = [
    a * (0.7 + 0.6 * unit(cell.seed, h, 301)),
    (outage ? c * 12 : c) * (0.7 + 0.6 * unit(cell.seed, h, 302)),
    th * (0.7 + 0.6 * unit(cell.seed, h, 303)),
    o * (0.7 + 0.6 * unit(cell.seed, h, 304)),
  ];
  const [AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER] = splitExact(errors, w);
  return { AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER };
}

export interface StatusCodeCount {
  code: string;
  count: number;
  /** Whether the backend produced this response (it then counts as a target error too). */
  fromTarget: boolean;
}

/**
 * Status codes behind the categories: AUTH 401/403, THROTTLED 429 and TARGET_CONNECTIVITY
 * 502/503/504 are raised by the gateway (proxy only); OTHER errors are backend responses
 * 400/404/500 (proxy and target), except unmatched traffic whose 404s come from the gateway.
 */
export function splitStatusCodes(cell: Cell, cats: CategoryCounts): StatusCodeCount[] {
  const out: StatusCodeCount[] = [];
  const add = (codes: string[], weights: number[], count: number, fromTarget: boolean) => {
    splitExact(count, weights).forEach((n, i) => out.push({ code: codes[i], count: n, fromTarget }));
  };
  add(['401', '403'], [0.8, 0.2], cats.AUTH, false);
  add(['429'], [1], cats.THROTTLED, false);
  add(['502', '503', '504'], [0.2, 0.5, 0.3], cats.TARGET_CONNECTIVITY, false);
  if (cell.api) {
    add(['400', '404', '500'], [0.3, 0.35, 0.35], cats.OTHER, true);
  } else {
    add(['404'], [1], cats.OTHER, false);
  }
  return out.filter((c) => c.count > 0);
}

export function is4xx(code: string): boolean {
  return code.startsWith('4');
}

export interface AppCount {
  app: AppDef;
  count: number;
}

/** Splits an API's requests among its subscribed applications; shares drift hour by hour. */
export function splitByApp(cell: Cell, t: number, count: number): AppCount[] {
  const api = cell.api;
  if (!api) {
    return [];
  }
  const apps = APPLICATIONS.filter((a) => a.subscriptions[api.id] !== undefined);
  const h = Math.floor(t / HOUR);
  const w = apps.map((a) => a.subscriptions[api.id] * (0.75 + 0.5 * unit(cell.seed, h, hashString(a.id))));
  return splitExact(count, w).map((n, i) => ({ app: apps[i], count: n }));
}

export function splitByResource(cell: Cell, count: number): Array<{ resource: ResourceDef; count: number }> {
  const api = cell.api;
  if (!api) {
    return [];
  }
  return splitExact(
    count,
    api.resources.map((r) => r.weight)
  ).map((n, i) => ({ resource: api.resources[i], count: n }));
}

export function splitByDevice(cell: Cell, kind: 'platform' | 'userAgent', count: number): Map<string, number> {
  const out = new Map<string, number>();
  if (!cell.api) {
    return out;
  }
  const mixTable = (kind === 'platform' ? PLATFORMS : USER_AGENTS)[cell.api.deviceProfile];
  const names = Object.keys(mixTable);
  splitExact(
    count,
    names.map((n) => mixTable[n])
  ).forEach((n, i) => out.set(names[i], n));
  return out;
}

/** Response-cache hits/misses among successful GETs, for APIs with caching enabled. */
export function splitCache(cell: Cell, t: number, success: number): { hits: number; misses: number } {
  const api = cell.api;
  if (!api || !api.cached) {
    return { hits: 0, misses: 0 };
  }
  const getWeight = api.resources.filter((r) => r.method === 'GET').reduce((s, r) => s + r.weight, 0);
  const allWeight = api.resources.reduce((s, r) => s + r.weight, 0);
  const lookups = Math.round((success * getWeight) / allWeight);
  const hitRate = 0.45 + 0.4 * unit(cell.seed, Math.floor(t / HOUR), 401);
  const hits = Math.round(lookups * hitRate);
  return { hits, misses: lookups - hits };
}

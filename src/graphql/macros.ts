import type { DataQueryRequest } from '@grafana/data';

import type { ResolvedSettings } from '../settings/resolveSettings';
import { autoGranularity } from '../time/granularity';
import type { Macros } from './interpolate';

type RequestTiming = Pick<DataQueryRequest, 'range' | 'interval' | 'intervalMs'> &
  Partial<Pick<DataQueryRequest, 'maxDataPoints'>>;

/**
 * Macros usable in GraphQL variable values. Times are ISO-8601 in UTC: the API reads a time
 * without an offset as UTC, and an explicit `Z` keeps that unambiguous. The `__orgId`,
 * `__tenant` and `__environmentId` names carry the `__` prefix so they cannot collide with a
 * dashboard variable.
 */
export function buildMacros(
  request: RequestTiming,
  settings: Pick<ResolvedSettings, 'orgUuid' | 'tenant' | 'defaultEnvironmentId'>,
  environmentId?: string
): Macros {
  const from = request.range.from.valueOf();
  const to = request.range.to.valueOf();
  return {
    __from: new Date(from).toISOString(),
    __to: new Date(to).toISOString(),
    __interval: request.interval,
    __interval_ms: String(request.intervalMs),
    __granularity: autoGranularity({
      fromMs: from,
      toMs: to,
      maxDataPoints: request.maxDataPoints,
      intervalMs: request.intervalMs,
    }),
    __orgId: settings.orgUuid,
    __tenant: settings.tenant,
    __environmentId: environmentId || settings.defaultEnvironmentId,
  };
}

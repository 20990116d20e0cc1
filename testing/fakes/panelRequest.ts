/**
 * A panel's query request as Grafana's dashboard sends it to a data source: the one builder the
 * tests, scripts and the bench share, so they differ only in what they choose (range, timing,
 * ids), never in the request's shape.
 */
import { dateTime, type DataQuery, type DataQueryRequest } from '@grafana/data';

import type { ChoreoQuery } from '../../src/types';

const HOUR = 3_600_000;

export interface PanelRequestOptions<T extends DataQuery> extends Partial<Omit<DataQueryRequest<T>, 'targets'>> {
  /** The time range as epoch ms, sent as an absolute range; `range` instead for a relative one. */
  from?: number;
  to?: number;
}

/**
 * Targets without a refId get A, B, … in order; 1h interval, 500 points, UTC, unless chosen.
 */
export function panelRequest<T extends DataQuery = ChoreoQuery>(
  // Not inferred from the targets: a list of one query type would narrow T to that type.
  targets: Array<NoInfer<Partial<T>>>,
  { from, to, range, ...over }: PanelRequestOptions<T>
): DataQueryRequest<T> {
  if (!range && (from === undefined || to === undefined)) {
    throw new Error('panelRequest: give from and to, or a range');
  }
  return {
    requestId: 'Q1',
    interval: '1h',
    intervalMs: HOUR,
    maxDataPoints: 500,
    scopedVars: {},
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    ...over,
    range: range ?? { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } },
    targets: targets.map((t, i) => ({ ...t, refId: t.refId ?? String.fromCharCode(65 + i) }) as T),
  };
}

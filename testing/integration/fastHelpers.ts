import { type DataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { toArray, lastValueFrom, type Observable, type Subscription } from 'rxjs';

import type { DataSource } from '../../src/datasource';
import { type PanelRequestOptions, panelRequest as sharedPanelRequest } from '../fakes/panelRequest';
import { QueryType, type ChoreoQuery } from '../../src/types';

export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const FROM = Date.parse('2026-11-24T00:00:00Z');
export const TO = Date.parse('2026-11-25T00:00:00Z');

/** A typical overview panel set: KPI, summary series, per-API usage, errors by category. */
export const TARGETS: ChoreoQuery[] = [
  { refId: 'A', queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' },
  { refId: 'B', queryType: QueryType.RequestSummary },
  { refId: 'C', queryType: QueryType.ApiUsage },
  { refId: 'D', queryType: QueryType.ErrorsByCategory },
];

export function panelRequest(
  targets: ChoreoQuery[],
  over: PanelRequestOptions<ChoreoQuery> = {}
): DataQueryRequest<ChoreoQuery> {
  return sharedPanelRequest(targets, {
    requestId: `Q${Math.random()}`,
    panelId: 1,
    dashboardUID: 'fast',
    maxDataPoints: 100,
    from: FROM,
    to: TO,
    ...over,
  });
}

/** Every response a query() Observable emits. */
export function emissions(result: Observable<DataQueryResponse>): Promise<DataQueryResponse[]> {
  return lastValueFrom(result.pipe(toArray()));
}

/** One panel run to its answer, as a panel without a newer run sees it. */
export function query(ds: DataSource, request: DataQueryRequest<ChoreoQuery>): Promise<DataQueryResponse> {
  return lastValueFrom(ds.query(request));
}

/**
 * A panel as Grafana's PanelQueryRunner drives it: a newer run unsubscribes the older one
 * before subscribing (which cancels the older run's requests). Each run resolves with what it
 * emitted: everything when it completed, what it had so far when it was superseded.
 */
export function panel() {
  let current: { sub: Subscription; settle: () => void } | undefined;
  return {
    run(result: Observable<DataQueryResponse>): Promise<DataQueryResponse[]> {
      if (current) {
        current.sub.unsubscribe();
        current.settle();
      }
      return new Promise((resolve, reject) => {
        const emitted: DataQueryResponse[] = [];
        const run = { sub: undefined as unknown as Subscription, settle: () => resolve(emitted) };
        current = run;
        run.sub = result.subscribe({
          next: (r) => emitted.push(r),
          error: reject,
          complete: () => resolve(emitted),
        });
      });
    },
  };
}

/** Frames without meta (executedQueryString differs per request), for comparing values. */
export function values(frames: DataFrame[]): unknown {
  return frames.map((f) => ({ refId: f.refId, fields: f.fields.map((x) => [x.name, [...x.values]]) }));
}

/**
 * Runs queries the way a Grafana panel does: a DataQueryRequest with the range, an interval
 * derived from the panel width, and the last response of the (Promise or Observable) result.
 */
import { from, lastValueFrom, type Observable } from 'rxjs';
import {
  CoreApp,
  LoadingState,
  rangeUtil,
  type DataQuery,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type PanelData,
  type TimeRange,
} from '@grafana/data';

let requestCounter = 0;

export function buildRequest<Q extends DataQuery>(
  targets: Q[],
  range: TimeRange,
  maxDataPoints: number,
  app: CoreApp = CoreApp.PanelEditor
): DataQueryRequest<Q> {
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints);
  return {
    requestId: `sandbox-${++requestCounter}`,
    app,
    interval,
    intervalMs,
    maxDataPoints,
    range,
    rangeRaw: range.raw,
    scopedVars: {},
    targets,
    timezone: 'browser',
    startTime: Date.now(),
  };
}

export async function collect(
  run: () => Promise<DataQueryResponse> | Observable<DataQueryResponse>,
  range: TimeRange
): Promise<PanelData> {
  try {
    const empty: DataQueryResponse = { data: [] };
    const response = await lastValueFrom(from(run()), { defaultValue: empty });
    const errors: DataQueryError[] = response.errors ?? (response.error ? [response.error] : []);
    return {
      state: errors.length ? LoadingState.Error : LoadingState.Done,
      series: response.data ?? [],
      errors,
      timeRange: range,
    };
  } catch (err) {
    const message = errorMessage(err);
    return { state: LoadingState.Error, series: [], errors: [{ message }], timeRange: range };
  }
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    return err.message;
  }
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') {
    return err.message;
  }
  return String(err);
}

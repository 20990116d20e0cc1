import { toPointSeries } from '../../frames/align';
import { rightAxis, UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import { droppedCounter, gridFor, reportDropped, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const REQUEST_SUMMARY_DOC = `query RequestSummary($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $granularity: String, $latencyFilter: LatencySummaryFilter) {
  success: getSuccessSummary(filter: $timeFilter, dataFilter: $dataFilter, granularity: $granularity) { granularity summary { timeSpan requestCount } }
  errors: getErrorSummary(filter: $timeFilter, dataFilter: $dataFilter, granularity: $granularity) { granularity summary { timeSpan errorCount } }
  latency: getLatencySummary(filter: $timeFilter, latencySummaryFilter: $latencyFilter, dataFilter: $dataFilter) { granularity summary { timeSpan latencyTime } }
}`;

interface Summary<T> {
  granularity?: string | null;
  summary?: Array<T | null> | null;
}
interface RequestSummaryData {
  success?: Summary<{ timeSpan: string; requestCount: number | null }> | null;
  errors?: Summary<{ timeSpan: string | null; errorCount: number | null }> | null;
  latency?: Summary<{ timeSpan: string; latencyTime: number | null }> | null;
}

/** The overview's "API Request Summary": success and error counts, p95 latency on a right axis. */
export const requestSummary = defineHandler<RequestSummaryData>({
  shape: 'timeseries-wide',
  apiFilter: 'none',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'RequestSummary',
    document: REQUEST_SUMMARY_DOC,
    variables: {
      ...scopeVariables(ctx),
      granularity: ctx.granularity,
      latencyFilter: { granularity: ctx.granularity },
    },
  }),
  toFrames: (data, _q, ctx) => {
    const dropped = droppedCounter();
    const frame = wideTimeSeriesFrame(
      [
        {
          field: 'Success',
          displayName: 'Success',
          unit: UNIT.count,
          points: toPointSeries(
            data.success?.summary,
            (b) => b.timeSpan,
            (b) => b.requestCount,
            'zero',
            dropped
          ),
        },
        {
          field: 'Errors',
          displayName: 'Errors',
          unit: UNIT.count,
          points: toPointSeries(
            data.errors?.summary,
            (b) => b.timeSpan,
            (b) => b.errorCount,
            'zero',
            dropped
          ),
        },
        {
          field: 'Latency',
          displayName: 'Latency (p95)',
          unit: UNIT.ms,
          config: rightAxis(),
          points: toPointSeries(
            data.latency?.summary,
            (b) => b.timeSpan,
            (b) => b.latencyTime,
            'null',
            dropped
          ),
        },
      ],
      gridFor(ctx, data.success?.granularity ?? data.errors?.granularity)
    );
    reportDropped(ctx, dropped);
    return [frame];
  },
});

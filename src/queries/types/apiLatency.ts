import { toPointSeries } from '../../frames/align';
import { UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import { droppedCounter, reportDropped, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const API_LATENCY_DOC = `query ApiLatency($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: LatencyFilter!) {
  getLatency(timeFilter: $timeFilter, latencyFilter: $filter, dataFilter: $dataFilter) {
    granularity
    summary { timeSpan response backend requestMediation responseMediation responseMedian backendMedian requestMediationMedian responseMediationMedian }
  }
}`;

interface LatencyBucket {
  timeSpan?: string | null;
  response?: number | null;
  backend?: number | null;
  requestMediation?: number | null;
  responseMediation?: number | null;
  responseMedian?: number | null;
  backendMedian?: number | null;
  requestMediationMedian?: number | null;
  responseMediationMedian?: number | null;
}
interface ApiLatencyData {
  getLatency?: { granularity?: string | null; summary?: Array<LatencyBucket | null> | null } | null;
}

type LatencyKey = Exclude<keyof LatencyBucket, 'timeSpan'>;

/** The console's latency categories, p95 then median for each. */
export const LATENCY_SERIES: ReadonlyArray<{ key: LatencyKey; category: string; stat: 'p95' | 'median' }> = [
  { key: 'response', category: 'Total', stat: 'p95' },
  { key: 'responseMedian', category: 'Total', stat: 'median' },
  { key: 'backend', category: 'Backend', stat: 'p95' },
  { key: 'backendMedian', category: 'Backend', stat: 'median' },
  { key: 'requestMediation', category: 'Request mediation', stat: 'p95' },
  { key: 'requestMediationMedian', category: 'Request mediation', stat: 'median' },
  { key: 'responseMediation', category: 'Response mediation', stat: 'p95' },
  { key: 'responseMediationMedian', category: 'Response mediation', stat: 'median' },
];

/** Latency: total, backend and mediation latencies of one API over time (gaps stay gaps). */
export const apiLatency = defineHandler<ApiLatencyData>({
  shape: 'timeseries-wide',
  apiFilter: 'required',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'ApiLatency',
    document: API_LATENCY_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiId: ctx.apiIds?.[0], granularity: ctx.granularity } },
  }),
  toFrames: (data, _q, ctx) => {
    const d = data.getLatency;
    const dropped = droppedCounter();
    const frame = wideTimeSeriesFrame(
      LATENCY_SERIES.map((s) => {
        const name = `${s.category} ${s.stat}`;
        return {
          field: name,
          displayName: name,
          labels: { category: s.category, stat: s.stat },
          unit: UNIT.ms,
          points: toPointSeries(
            d?.summary,
            (b) => b.timeSpan,
            (b) => b[s.key],
            'null',
            dropped
          ),
        };
      })
    );
    reportDropped(ctx, dropped);
    return [frame];
  },
});

import { toPointSeries } from '../../frames/align';
import { UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import { droppedCounter, gridFor, oneId, reportDropped, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const ERRORS_BY_STATUS_CLASS_DOC = `query ErrorsByStatusClass($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: ErrorsByStatusCodeFilter) {
  getProxyTargetErrorsOverTime(timeFilter: $timeFilter, errorsByStatusCodeFilter: $filter, dataFilter: $dataFilter) {
    timeSpan
    proxy { _4xx _5xx }
    target { _4xx _5xx }
  }
}`;

interface Counts {
  _4xx?: number | null;
  _5xx?: number | null;
}
interface StatusClassBucket {
  timeSpan: string;
  proxy?: Counts | null;
  target?: Counts | null;
}
interface ErrorsByStatusClassData {
  getProxyTargetErrorsOverTime?: Array<StatusClassBucket | null> | null;
}

const SERIES: ReadonlyArray<{ name: string; side: 'proxy' | 'target'; code: keyof Counts }> = [
  { name: 'Proxy 4xx', side: 'proxy', code: '_4xx' },
  { name: 'Proxy 5xx', side: 'proxy', code: '_5xx' },
  { name: 'Target 4xx', side: 'target', code: '_4xx' },
  { name: 'Target 5xx', side: 'target', code: '_5xx' },
];

/** Errors: 4xx/5xx at the gateway (proxy) and at the backend (target) over time. */
export const errorsByStatusClass = defineHandler<ErrorsByStatusClassData>({
  shape: 'timeseries-wide',
  apiFilter: 'one',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'ErrorsByStatusClass',
    document: ERRORS_BY_STATUS_CLASS_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiId: oneId(ctx.apiIds), granularity: ctx.granularity } },
  }),
  toFrames: (data, _q, ctx) => {
    const dropped = droppedCounter();
    const frame = wideTimeSeriesFrame(
      SERIES.map((s) => ({
        field: s.name,
        displayName: s.name,
        unit: UNIT.count,
        points: toPointSeries(
          data.getProxyTargetErrorsOverTime,
          (b) => b.timeSpan,
          (b) => b[s.side]?.[s.code],
          'zero',
          dropped
        ),
      })),
      // This response does not say its granularity; it is the one we asked for.
      gridFor(ctx, undefined)
    );
    reportDropped(ctx, dropped);
    return [frame];
  },
});

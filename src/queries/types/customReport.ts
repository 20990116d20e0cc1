import { toPointSeries, type PointSeries } from '../../frames/align';
import { UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import type { CustomReportMetric, GroupByField } from '../../types';
import { droppedCounter, gridFor, present, reportDropped } from '../common';
import { defineHandler, type QueryContext } from '../handler';

const ARGS = `dataFilter: $dataFilter, timeFilter: $timeFilter, metric: $metric, groupByFields: $groupByFields, groupByValues: $groupByValues, granularity: $granularity`;
const VARS = `$timeFilter: TimeFilter!, $dataFilter: DataFilter!, $metric: Metric!, $groupByFields: [GroupByField]!, $groupByValues: [String]!, $granularity: String!`;

export const CUSTOM_REPORT_OVERTIME_DOC = `query CustomReportOverTime(${VARS}) {
  getCustomReportOvertime(${ARGS}) { granularity usage { timeSpan value } }
}`;
export const CUSTOM_REPORT_TOP_OVERTIME_DOC = `query CustomReportTopOverTime(${VARS}) {
  getCustomReportTopOvertime(${ARGS}) { granularity usage { groupByValue usage { timeSpan value } } }
}`;

export const METRICS: Record<CustomReportMetric, { name: string; latency: boolean }> = {
  HIT_COUNT: { name: 'Hits', latency: false },
  RESPONSE_CACHE_HIT: { name: 'Cache hits', latency: false },
  REQUEST_MEDIATION_LATENCY: { name: 'Request mediation latency', latency: true },
  RESPONSE_MEDIATION_LATENCY: { name: 'Response mediation latency', latency: true },
  BACKEND_LATENCY: { name: 'Backend latency', latency: true },
  TOTAL_LATENCY: { name: 'Total latency', latency: true },
  API_ERRORS: { name: 'API errors', latency: false },
  TARGET_ERRORS: { name: 'Target errors', latency: false },
};

const GROUP_BY_FIELDS: readonly GroupByField[] = [
  'API_NAME',
  'API_VERSION',
  'API_RESOURCE_TEMPLATE',
  'API_METHOD',
  'API_CREATOR',
  'APPLICATION_NAME',
  'APPLICATION_OWNER',
  'DESTINATION',
  'USER_AGENT',
  'PLATFORM',
  'TARGET_RESPONSE_CODE',
];

export const DEFAULT_METRIC: CustomReportMetric = 'HIT_COUNT';

type Bucket = { timeSpan: string; value?: number | null };
interface CustomReportData {
  getCustomReportOvertime?: { granularity?: string | null; usage?: Array<Bucket | null> | null } | null;
  getCustomReportTopOvertime?: {
    granularity?: string | null;
    usage?: Array<{ groupByValue?: string | null; usage?: Array<Bucket | null> | null } | null> | null;
  } | null;
}

function metricOf(m: CustomReportMetric | undefined) {
  return METRICS[m ?? DEFAULT_METRIC];
}

function points(
  usage: Array<Bucket | null> | null | undefined,
  latency: boolean,
  dropped: { count: number }
): PointSeries {
  return toPointSeries(
    usage,
    (b) => b.timeSpan,
    (b) => b.value,
    latency ? 'null' : 'zero',
    dropped
  );
}

/**
 * Custom reports: a metric over time, for one group (overTime) or for each of the top values of
 * the last group-by field (topOverTime). The API requires a concrete granularity, which the
 * runner always resolves (auto included).
 */
export const customReport = defineHandler<CustomReportData>({
  shape: 'timeseries-wide',
  apiFilter: 'none',
  appFilter: 'none',
  validate: (q) => {
    const r = q.customReport ?? {};
    if (r.mode && r.mode !== 'overTime' && r.mode !== 'topOverTime') {
      return `Unknown custom report mode "${r.mode}": choose overTime or topOverTime.`;
    }
    if (r.metric && !Object.prototype.hasOwnProperty.call(METRICS, r.metric)) {
      return `Unknown metric "${r.metric}": choose one of ${Object.keys(METRICS).join(', ')}.`;
    }
    const fields = r.groupByFields ?? [];
    if (fields.length < 1 || fields.length > 3) {
      return 'A custom report groups by 1 to 3 fields: choose at least one group-by field.';
    }
    const bad = fields.find((f) => !GROUP_BY_FIELDS.includes(f));
    return bad ? `Unknown group-by field "${bad}".` : undefined;
  },
  build: (q, ctx: QueryContext) => {
    const r = q.customReport ?? {};
    const top = r.mode === 'topOverTime';
    return {
      operationName: top ? 'CustomReportTopOverTime' : 'CustomReportOverTime',
      document: top ? CUSTOM_REPORT_TOP_OVERTIME_DOC : CUSTOM_REPORT_OVERTIME_DOC,
      variables: {
        timeFilter: ctx.timeFilter,
        dataFilter: ctx.dataFilter,
        metric: r.metric ?? DEFAULT_METRIC,
        groupByFields: r.groupByFields ?? [],
        groupByValues: r.groupByValues ?? [],
        granularity: ctx.granularity,
      },
    };
  },
  toFrames: (data, q, ctx) => {
    const r = q.customReport ?? {};
    const metric = metricOf(r.metric);
    const unit = metric.latency ? UNIT.ms : UNIT.count;
    const dropped = droppedCounter();
    let frame;
    if (r.mode === 'topOverTime') {
      const d = data.getCustomReportTopOvertime;
      frame = wideTimeSeriesFrame(
        present(d?.usage).map((g) => {
          const value = g.groupByValue ?? 'Unknown';
          return {
            field: metric.name,
            displayName: value,
            labels: { group: value },
            unit,
            points: points(g.usage, metric.latency, dropped),
          };
        }),
        gridFor(ctx, d?.granularity)
      );
    } else {
      const d = data.getCustomReportOvertime;
      const label = (r.groupByValues ?? []).filter(Boolean).join(' / ');
      frame = wideTimeSeriesFrame(
        [
          {
            field: metric.name,
            displayName: label ? `${metric.name} (${label})` : metric.name,
            unit,
            points: points(d?.usage, metric.latency, dropped),
          },
        ],
        gridFor(ctx, d?.granularity)
      );
    }
    reportDropped(ctx, dropped);
    return [frame];
  },
});

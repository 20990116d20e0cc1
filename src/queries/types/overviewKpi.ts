import type { DataFrame } from '@grafana/data';

import { frameOf, numberField, UNIT } from '../../frames/fields';
import type { KpiKind } from '../../types';
import { scopeVariables } from '../common';
import { defineHandler, type QueryContext } from '../handler';

const VARS = '$timeFilter: TimeFilter!, $dataFilter: DataFilter!';
const ARGS = 'filter: $timeFilter, dataFilter: $dataFilter';

interface KpiSpec {
  operationName: string;
  document: string;
  field: string;
  unit: string;
}

/** One constant document per KPI, as the console's overview cards. */
export const KPI: Record<KpiKind, KpiSpec> = {
  totalTraffic: {
    operationName: 'OverviewTotalTraffic',
    document: `query OverviewTotalTraffic(${VARS}) {\n  traffic: getTotalTraffic(${ARGS})\n}`,
    field: 'Total Traffic',
    unit: UNIT.count,
  },
  errorCount: {
    operationName: 'OverviewErrorCount',
    document: `query OverviewErrorCount(${VARS}) {\n  errors: getTotalErrors(${ARGS})\n}`,
    field: 'Error Request Count',
    unit: UNIT.count,
  },
  // Both counts in one document, so the rate is computed from one consistent answer.
  errorRate: {
    operationName: 'OverviewErrorRate',
    document: `query OverviewErrorRate(${VARS}) {\n  traffic: getTotalTraffic(${ARGS})\n  errors: getTotalErrors(${ARGS})\n}`,
    field: 'Error Rate',
    unit: UNIT.percent,
  },
  latencyP95: {
    operationName: 'OverviewLatencyP95',
    document: `query OverviewLatencyP95(${VARS}) {\n  latency: getOverallLatency(${ARGS})\n}`,
    field: '95th Percentile Latency',
    unit: UNIT.ms,
  },
};

export const DEFAULT_KPI: KpiKind = 'totalTraffic';

interface KpiData {
  traffic?: number | null;
  errors?: number | null;
  latency?: number | null;
}

function kpiOf(kind: KpiKind | undefined): KpiSpec | undefined {
  return Object.prototype.hasOwnProperty.call(KPI, kind ?? DEFAULT_KPI) ? KPI[kind ?? DEFAULT_KPI] : undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** errors / traffic × 100; no traffic means no errors either, which the console shows as 0 %. */
export function errorRatePercent(traffic: number | null, errors: number | null): number | null {
  if (traffic === null || errors === null) {
    return null;
  }
  return traffic > 0 ? (errors / traffic) * 100 : 0;
}

export const overviewKpi = defineHandler<KpiData>({
  shape: 'numeric-wide',
  apiFilter: 'none',
  appFilter: 'none',
  validate: (q) =>
    kpiOf(q.kpi) ? undefined : `Unknown KPI "${String(q.kpi)}": choose ${Object.keys(KPI).join(', ')}.`,
  build: (q, ctx: QueryContext) => {
    const spec = kpiOf(q.kpi) ?? KPI[DEFAULT_KPI];
    return { operationName: spec.operationName, document: spec.document, variables: { ...scopeVariables(ctx) } };
  },
  toFrames: (data, q): DataFrame[] => {
    const kind = q.kpi ?? DEFAULT_KPI;
    const spec = kpiOf(kind) ?? KPI[DEFAULT_KPI];
    const value =
      kind === 'totalTraffic'
        ? num(data.traffic)
        : kind === 'errorCount'
          ? num(data.errors)
          : kind === 'errorRate'
            ? errorRatePercent(num(data.traffic), num(data.errors))
            : num(data.latency);
    return [frameOf([numberField(spec.field, [value], { unit: spec.unit, displayName: spec.field })])];
  },
});

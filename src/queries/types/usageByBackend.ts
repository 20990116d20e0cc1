import { scopeVariables } from '../common';
import { defineHandler } from '../handler';
import { usageFrame, type UsageBucket } from './usageSeries';

export const USAGE_BY_BACKEND_DOC = `query UsageByBackend($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: APIUsageByBackendOverTimeFilter) {
  getAPIUsageByBackendOverTime(timeFilter: $timeFilter, apiUsageByBackendOverTimeFilter: $filter, dataFilter: $dataFilter) {
    granularity
    usage { backend usage { timeSpan count } }
  }
}`;

interface UsageByBackendData {
  getAPIUsageByBackendOverTime?: {
    granularity?: string | null;
    usage?: Array<{ backend?: string | null; usage?: Array<UsageBucket | null> | null } | null> | null;
  } | null;
}

/** Traffic: hits per backend (target URL) over time. */
export const usageByBackend = defineHandler<UsageByBackendData>({
  shape: 'timeseries-wide',
  apiFilter: 'many',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'UsageByBackend',
    document: USAGE_BY_BACKEND_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiIds: ctx.apiIds, granularity: ctx.granularity } },
  }),
  toFrames: (data, _q, ctx) => {
    const d = data.getAPIUsageByBackendOverTime;
    return [
      usageFrame(
        d?.usage,
        'backend',
        (i) => i.backend || 'Unknown backend',
        (i) => i.usage,
        d?.granularity,
        ctx
      ),
    ];
  },
});

import { present, scopeVariables } from '../common';
import { defineHandler } from '../handler';
import { usageFrame, type UsageBucket } from './usageSeries';

export const API_USAGE_DOC = `query ApiUsage($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: APIUsageOverTimeFilter) {
  getAPIUsageOverTime(timeFilter: $timeFilter, apiUsageOvertimeFilter: $filter, dataFilter: $dataFilter) {
    apiId granularity usage { timeSpan count }
  }
}`;

interface ApiUsageData {
  getAPIUsageOverTime?: Array<{
    apiId?: string | null;
    granularity?: string | null;
    usage?: Array<UsageBucket | null> | null;
  } | null> | null;
}

/** Traffic: hits per API over time, one series per API named as the console names it. */
export const apiUsage = defineHandler<ApiUsageData>({
  shape: 'timeseries-wide',
  apiFilter: 'many',
  appFilter: 'many',
  needsApiNames: true,
  build: (_q, ctx) => ({
    operationName: 'ApiUsage',
    document: API_USAGE_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: { apiIds: ctx.apiIds, appIds: ctx.appIds, granularity: ctx.granularity },
    },
  }),
  toFrames: (data, _q, ctx) => {
    const items = data.getAPIUsageOverTime;
    return [
      usageFrame(
        items,
        'api',
        (i) => ctx.apiNames.name(i.apiId),
        (i) => i.usage,
        present(items)[0]?.granularity,
        ctx
      ),
    ];
  },
});

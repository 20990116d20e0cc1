import { scopeVariables } from '../common';
import { defineHandler } from '../handler';
import { usageFrame, type UsageBucket } from './usageSeries';

export const USAGE_BY_APPLICATION_DOC = `query UsageByApplication($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: APIUsageOverTimeFilter) {
  getAPIUsageByAppOverTime(timeFilter: $timeFilter, apiUsageOvertimeFilter: $filter, dataFilter: $dataFilter) {
    granularity
    usage { applicationId applicationName applicationOwner usage { timeSpan count } }
  }
}`;

interface UsageByApplicationData {
  getAPIUsageByAppOverTime?: {
    granularity?: string | null;
    usage?: Array<{
      applicationId?: string | null;
      applicationName?: string | null;
      applicationOwner?: string | null;
      usage?: Array<UsageBucket | null> | null;
    } | null> | null;
  } | null;
}

/** Traffic: hits per application over time. */
export const usageByApplication = defineHandler<UsageByApplicationData>({
  shape: 'timeseries-wide',
  apiFilter: 'many',
  appFilter: 'many',
  build: (_q, ctx) => ({
    operationName: 'UsageByApplication',
    document: USAGE_BY_APPLICATION_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: { apiIds: ctx.apiIds, appIds: ctx.appIds, granularity: ctx.granularity },
    },
  }),
  toFrames: (data, _q, ctx) => {
    const d = data.getAPIUsageByAppOverTime;
    return [
      usageFrame(
        d?.usage,
        'application',
        (i) => i.applicationName || i.applicationId || 'Unknown application',
        (i) => i.usage,
        d?.granularity,
        ctx
      ),
    ];
  },
});

import { QueryType } from '../types';
import type { QueryHandler } from './handler';
import { alertSummary } from './types/alertSummary';
import { apiLatency } from './types/apiLatency';
import { apiUsage } from './types/apiUsage';
import { cache } from './types/cache';
import { customReport } from './types/customReport';
import { errorDetails } from './types/errorDetails';
import { errorsByCategory } from './types/errorsByCategory';
import { errorsByStatusClass } from './types/errorsByStatusClass';
import { errorsByStatusCode } from './types/errorsByStatusCode';
import { list } from './types/list';
import { overviewKpi } from './types/overviewKpi';
import { requestSummary } from './types/requestSummary';
import { resourceUsage } from './types/resourceUsage';
import { topApisByAlertCount } from './types/topApisByAlertCount';
import { topPlatforms, topUserAgents } from './types/topDevices';
import { topSlowestApis } from './types/topSlowestApis';
import { usageByApplication } from './types/usageByApplication';
import { usageByBackend } from './types/usageByBackend';

/** Builder query types → handlers. Raw GraphQL is dispatched separately (src/graphql). */
export const HANDLERS: Record<Exclude<QueryType, QueryType.GraphQL>, QueryHandler<unknown>> = {
  [QueryType.OverviewKpi]: overviewKpi,
  [QueryType.RequestSummary]: requestSummary,
  [QueryType.ApiUsage]: apiUsage,
  [QueryType.UsageByApplication]: usageByApplication,
  [QueryType.UsageByBackend]: usageByBackend,
  [QueryType.ResourceUsage]: resourceUsage,
  [QueryType.ErrorsByCategory]: errorsByCategory,
  [QueryType.ErrorsByStatusClass]: errorsByStatusClass,
  [QueryType.ErrorsByStatusCode]: errorsByStatusCode,
  [QueryType.ErrorDetails]: errorDetails,
  [QueryType.TopSlowestApis]: topSlowestApis,
  [QueryType.ApiLatency]: apiLatency,
  [QueryType.Cache]: cache,
  [QueryType.TopPlatforms]: topPlatforms,
  [QueryType.TopUserAgents]: topUserAgents,
  [QueryType.AlertSummary]: alertSummary,
  [QueryType.TopApisByAlertCount]: topApisByAlertCount,
  [QueryType.CustomReport]: customReport,
  [QueryType.List]: list,
};

export function handlerFor(type: string | undefined): QueryHandler<unknown> | undefined {
  return type && Object.prototype.hasOwnProperty.call(HANDLERS, type)
    ? HANDLERS[type as keyof typeof HANDLERS]
    : undefined;
}

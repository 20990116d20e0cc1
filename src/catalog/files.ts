// Every catalog file, imported once: webpack bundles the JSON and the documents' text (asset/source);
// catalog.test.ts checks that this list and the folders agree.
import common from '../../catalog/common.json';
import alertSummaryType from '../../catalog/types/alertSummary.json';
import apiLatencyType from '../../catalog/types/apiLatency.json';
import apiUsageType from '../../catalog/types/apiUsage.json';
import cacheType from '../../catalog/types/cache.json';
import customReportType from '../../catalog/types/customReport.json';
import errorDetailsType from '../../catalog/types/errorDetails.json';
import errorsByCategoryType from '../../catalog/types/errorsByCategory.json';
import errorsByStatusClassType from '../../catalog/types/errorsByStatusClass.json';
import errorsByStatusCodeType from '../../catalog/types/errorsByStatusCode.json';
import graphqlType from '../../catalog/types/graphql.json';
import listType from '../../catalog/types/list.json';
import overviewKpiType from '../../catalog/types/overviewKpi.json';
import requestSummaryType from '../../catalog/types/requestSummary.json';
import resourceUsageType from '../../catalog/types/resourceUsage.json';
import topApisByAlertCountType from '../../catalog/types/topApisByAlertCount.json';
import topPlatformsType from '../../catalog/types/topPlatforms.json';
import topSlowestApisType from '../../catalog/types/topSlowestApis.json';
import topUserAgentsType from '../../catalog/types/topUserAgents.json';
import usageByApplicationType from '../../catalog/types/usageByApplication.json';
import usageByBackendType from '../../catalog/types/usageByBackend.json';
import alertSummaryDoc from '../../catalog/documents/AlertSummary.graphql';
import apiLatencyDoc from '../../catalog/documents/ApiLatency.graphql';
import apiUsageDoc from '../../catalog/documents/ApiUsage.graphql';
import cacheHitsAndMissesDoc from '../../catalog/documents/CacheHitsAndMisses.graphql';
import customReportOverTimeDoc from '../../catalog/documents/CustomReportOverTime.graphql';
import customReportTopOverTimeDoc from '../../catalog/documents/CustomReportTopOverTime.graphql';
import errorDetailsDoc from '../../catalog/documents/ErrorDetails.graphql';
import errorsByCategoryDoc from '../../catalog/documents/ErrorsByCategory.graphql';
import errorsByStatusClassDoc from '../../catalog/documents/ErrorsByStatusClass.graphql';
import errorsByStatusCodeDoc from '../../catalog/documents/ErrorsByStatusCode.graphql';
import listApisDoc from '../../catalog/documents/ListApis.graphql';
import listApplicationsDoc from '../../catalog/documents/ListApplications.graphql';
import listEnvironmentsDoc from '../../catalog/documents/ListEnvironments.graphql';
import listOrganizationsDoc from '../../catalog/documents/ListOrganizations.graphql';
import listProvidersDoc from '../../catalog/documents/ListProviders.graphql';
import listSubscribersDoc from '../../catalog/documents/ListSubscribers.graphql';
import listTenantsDoc from '../../catalog/documents/ListTenants.graphql';
import overviewErrorCountDoc from '../../catalog/documents/OverviewErrorCount.graphql';
import overviewErrorRateDoc from '../../catalog/documents/OverviewErrorRate.graphql';
import overviewLatencyP95Doc from '../../catalog/documents/OverviewLatencyP95.graphql';
import overviewTotalTrafficDoc from '../../catalog/documents/OverviewTotalTraffic.graphql';
import requestSummaryDoc from '../../catalog/documents/RequestSummary.graphql';
import resourceUsageDoc from '../../catalog/documents/ResourceUsage.graphql';
import topApisByAlertCountDoc from '../../catalog/documents/TopApisByAlertCount.graphql';
import topPlatformsDoc from '../../catalog/documents/TopPlatforms.graphql';
import topSlowestApisDoc from '../../catalog/documents/TopSlowestApis.graphql';
import topUserAgentsDoc from '../../catalog/documents/TopUserAgents.graphql';
import usageByApplicationDoc from '../../catalog/documents/UsageByApplication.graphql';
import usageByBackendDoc from '../../catalog/documents/UsageByBackend.graphql';

import type { CommonFile, TypeFile } from './format';

// JSON imports are typed by their literal shape; the catalog spec checks them against the format.
export const COMMON = common as unknown as CommonFile;

export const TYPE_FILES = [
  alertSummaryType,
  apiLatencyType,
  apiUsageType,
  cacheType,
  customReportType,
  errorDetailsType,
  errorsByCategoryType,
  errorsByStatusClassType,
  errorsByStatusCodeType,
  graphqlType,
  listType,
  overviewKpiType,
  requestSummaryType,
  resourceUsageType,
  topApisByAlertCountType,
  topPlatformsType,
  topSlowestApisType,
  topUserAgentsType,
  usageByApplicationType,
  usageByBackendType,
] as unknown as TypeFile[];

export const DOCUMENTS: Readonly<Record<string, string>> = {
  'AlertSummary.graphql': alertSummaryDoc,
  'ApiLatency.graphql': apiLatencyDoc,
  'ApiUsage.graphql': apiUsageDoc,
  'CacheHitsAndMisses.graphql': cacheHitsAndMissesDoc,
  'CustomReportOverTime.graphql': customReportOverTimeDoc,
  'CustomReportTopOverTime.graphql': customReportTopOverTimeDoc,
  'ErrorDetails.graphql': errorDetailsDoc,
  'ErrorsByCategory.graphql': errorsByCategoryDoc,
  'ErrorsByStatusClass.graphql': errorsByStatusClassDoc,
  'ErrorsByStatusCode.graphql': errorsByStatusCodeDoc,
  'ListApis.graphql': listApisDoc,
  'ListApplications.graphql': listApplicationsDoc,
  'ListEnvironments.graphql': listEnvironmentsDoc,
  'ListOrganizations.graphql': listOrganizationsDoc,
  'ListProviders.graphql': listProvidersDoc,
  'ListSubscribers.graphql': listSubscribersDoc,
  'ListTenants.graphql': listTenantsDoc,
  'OverviewErrorCount.graphql': overviewErrorCountDoc,
  'OverviewErrorRate.graphql': overviewErrorRateDoc,
  'OverviewLatencyP95.graphql': overviewLatencyP95Doc,
  'OverviewTotalTraffic.graphql': overviewTotalTrafficDoc,
  'RequestSummary.graphql': requestSummaryDoc,
  'ResourceUsage.graphql': resourceUsageDoc,
  'TopApisByAlertCount.graphql': topApisByAlertCountDoc,
  'TopPlatforms.graphql': topPlatformsDoc,
  'TopSlowestApis.graphql': topSlowestApisDoc,
  'TopUserAgents.graphql': topUserAgentsDoc,
  'UsageByApplication.graphql': usageByApplicationDoc,
  'UsageByBackend.graphql': usageByBackendDoc,
};

import type { DataQuery } from '@grafana/schema';

export type { ChoreoOptions, ChoreoSecureOptions } from './options';

/**
 * Version of the saved query model. Bump it whenever a saved field changes meaning, and teach
 * `migrations.ts` to carry older queries forward: dashboards saved today must keep working.
 */
export const QUERY_MODEL_VERSION = 1;

/** One query type per Choreo console view (plus raw GraphQL and the list queries). */
export enum QueryType {
  // Overview
  OverviewKpi = 'overviewKpi',
  RequestSummary = 'requestSummary',
  // Traffic
  ApiUsage = 'apiUsage',
  UsageByApplication = 'usageByApplication',
  UsageByBackend = 'usageByBackend',
  ResourceUsage = 'resourceUsage',
  // Errors
  ErrorsByCategory = 'errorsByCategory',
  ErrorsByStatusClass = 'errorsByStatusClass',
  ErrorsByStatusCode = 'errorsByStatusCode',
  ErrorDetails = 'errorDetails',
  // Latency
  TopSlowestApis = 'topSlowestApis',
  ApiLatency = 'apiLatency',
  // Cache & devices
  Cache = 'cache',
  TopPlatforms = 'topPlatforms',
  TopUserAgents = 'topUserAgents',
  // Alerts
  AlertSummary = 'alertSummary',
  TopApisByAlertCount = 'topApisByAlertCount',
  // Custom reports
  CustomReport = 'customReport',
  // Lists (tables, selects, template variables)
  List = 'list',
  // Anything else, written by hand
  GraphQL = 'graphql',
}

/** Granularities the Insights API accepts; `auto` is resolved by the plugin (see granularity.ts). */
export type Granularity = 'auto' | '1m' | '15m' | '1h' | '1d' | '7d';

/** Scope shared by every Insights query; each field accepts Grafana template variables. */
export interface QueryScope {
  /** Environment id; empty means the data source's default environment. */
  environmentId?: string;
  projectId?: string;
  /** API ids; multi-value template variables expand into several ids. */
  apiIds?: string[];
  /** Application ids. */
  appIds?: string[];
}

export interface ChoreoQuery extends DataQuery, QueryScope {
  /** Model version the query was saved with; absent on queries saved before versioning. */
  modelVersion?: number;
  queryType?: QueryType;
  granularity?: Granularity;
}

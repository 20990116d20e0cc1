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

/** Granularities the Insights API accepts; `auto` is resolved by the plugin. */
export type Granularity = 'auto' | '1m' | '15m' | '1h' | '1d' | '7d';

/** Overview KPIs, each a single-value frame for Stat panels. */
export type KpiKind = 'totalTraffic' | 'errorCount' | 'errorRate' | 'latencyP95';

/** Error categories as the Insights API names them. */
export type ErrorCategory = 'AUTH' | 'TARGET_CONNECTIVITY' | 'THROTTLED' | 'OTHER';

/** Where an error happened: at the gateway (proxy) or at the backend (target). */
export type ErrorType = 'PROXY' | 'TARGET';

export type ErrorCodeType = '_4XX' | '_5XX';

export type AlertCategory = 'TRAFFIC' | 'LATENCY';

export type ListKind =
  'organizations' | 'environments' | 'apis' | 'applications' | 'providers' | 'subscribers' | 'tenants';

/** The schema's `Metric` enum. */
export type CustomReportMetric =
  | 'HIT_COUNT'
  | 'RESPONSE_CACHE_HIT'
  | 'REQUEST_MEDIATION_LATENCY'
  | 'RESPONSE_MEDIATION_LATENCY'
  | 'BACKEND_LATENCY'
  | 'TOTAL_LATENCY'
  | 'API_ERRORS'
  | 'TARGET_ERRORS';

/** The schema's `GroupByField` enum. */
export type GroupByField =
  | 'API_NAME'
  | 'API_VERSION'
  | 'API_RESOURCE_TEMPLATE'
  | 'API_METHOD'
  | 'API_CREATOR'
  | 'APPLICATION_NAME'
  | 'APPLICATION_OWNER'
  | 'DESTINATION'
  | 'USER_AGENT'
  | 'PLATFORM'
  | 'TARGET_RESPONSE_CODE';
export type CustomReportMode = 'overTime' | 'topOverTime';

export type SortOrder = 'asc' | 'desc';

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

/** Raw GraphQL mode: the document, its variables and how to map an arbitrary result to frames. */
export interface GraphQLQueryOptions {
  query: string;
  /** JSON object text; values may contain Grafana variables and macros. */
  variables?: string;
  /** Dot path to the rows, e.g. `getAPIUsageOverTime.usage`; arrays in the middle are flattened. */
  dataPath?: string;
  timeField?: string;
  timeFormat?: 'iso' | 'epochSeconds' | 'epochMillis';
  /** Fields whose values split rows into series (one frame per distinct combination). */
  labelFields?: string[];
  /** e.g. `{{apiId}} errors`: the series' display name. */
  displayName?: string;
  /**
   * Frames made the way this builder query type makes them (its catalog frame spec, with the
   * query's options), instead of the mapping above: what "Open as GraphQL" sets, so the document
   * it writes gives the same frames as the builder query did.
   */
  framesFrom?: string;
}

export interface ChoreoQuery extends DataQuery, QueryScope {
  /** Model version the query was saved with; absent on queries saved before versioning. */
  modelVersion?: number;
  queryType?: QueryType;
  granularity?: Granularity;

  /** OverviewKpi */
  kpi?: KpiKind;
  /** Top-N style queries (slowest APIs, custom report top values) and page size. */
  limit?: number;
  /** Paginated queries: stop after this many rows (default 1,000) and say so in a notice. */
  maxRows?: number;
  sortBy?: string;
  sortOrder?: SortOrder;
  /** Free-text search where the API supports it (error details, alerts). */
  search?: string;

  /** ErrorsByCategory / ErrorDetails */
  errorCategories?: ErrorCategory[];
  /** ErrorsByStatusCode */
  errorType?: ErrorType;
  errorCodeType?: ErrorCodeType;

  /** AlertSummary */
  alertCategory?: AlertCategory;

  /** CustomReport */
  customReport?: {
    mode?: CustomReportMode;
    metric?: CustomReportMetric;
    /** 1–3 fields */
    groupByFields?: GroupByField[];
    groupByValues?: string[];
  };

  /** List */
  list?: ListKind;

  /** GraphQL */
  graphql?: GraphQLQueryOptions;
}

/** Template variable query (CustomVariableSupport): text = name, value = id. */
export interface ChoreoVariableQuery {
  list: ListKind;
  environmentId?: string;
  projectId?: string;
}

/** Annotation query: Choreo alerts as annotations. */
export interface ChoreoAnnotationQuery extends ChoreoQuery {
  alertCategory?: AlertCategory;
  minSeverity?: 'LOW' | 'MEDIUM' | 'HIGH';
}

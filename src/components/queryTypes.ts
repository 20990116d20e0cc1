import type { ComboboxOption } from '@grafana/ui';

import { QueryType } from '../types';

/** How a query type uses the API / application scope fields. */
export type ScopeUse = 'none' | 'single' | 'multi';

export interface QueryTypeInfo {
  label: string;
  description: string;
  /** Console page the type mirrors; the type select is grouped by it. */
  page: ConsolePage;
  apis: ScopeUse;
  apps: ScopeUse;
  /** The query cannot run without an API (the Insights filter's apiId is non-null). */
  apiRequired?: boolean;
  granularity: boolean;
  /** Environment and project id. Only the organization list ignores them. */
  environment: boolean;
}

export type ConsolePage =
  'Overview' | 'Traffic' | 'Errors' | 'Latency' | 'Cache & devices' | 'Alerts' | 'Custom reports' | 'Lists' | 'GraphQL';

const PAGE_ORDER: ConsolePage[] = [
  'Overview',
  'Traffic',
  'Errors',
  'Latency',
  'Cache & devices',
  'Alerts',
  'Custom reports',
  'Lists',
  'GraphQL',
];

// The scope each type offers follows the Insights API filter of the query behind it (e.g.
// `ErrorsByCategoryFilter.apiId` is one id, `APIUsageOverTimeFilter.apiIds` a list): offering a
// control the API ignores would silently do nothing.
export const QUERY_TYPES: Record<QueryType, QueryTypeInfo> = {
  [QueryType.OverviewKpi]: {
    label: 'KPI',
    description: 'Total traffic, error count, error rate or 95th percentile latency: one number for a Stat panel.',
    page: 'Overview',
    apis: 'none',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.RequestSummary]: {
    label: 'API request summary',
    description: 'Success and error counts and latency over time.',
    page: 'Overview',
    apis: 'none',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.ApiUsage]: {
    label: 'API usage',
    description: 'Requests per API over time.',
    page: 'Traffic',
    apis: 'multi',
    apps: 'multi',
    granularity: true,
    environment: true,
  },
  [QueryType.UsageByApplication]: {
    label: 'Usage by application',
    description: 'Requests per application over time.',
    page: 'Traffic',
    apis: 'multi',
    apps: 'multi',
    granularity: true,
    environment: true,
  },
  [QueryType.UsageByBackend]: {
    label: 'Usage by backend',
    description: 'Requests per backend (destination) over time.',
    page: 'Traffic',
    apis: 'multi',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.ResourceUsage]: {
    label: 'Resource usage',
    description: 'Requests per API resource and method (table).',
    page: 'Traffic',
    apis: 'multi',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.ErrorsByCategory]: {
    label: 'Errors by category',
    description: 'Authentication, target connectivity, throttling and other errors over time.',
    page: 'Errors',
    apis: 'single',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.ErrorsByStatusClass]: {
    label: 'Errors by status class',
    description: 'Proxy and target 4xx / 5xx errors over time.',
    page: 'Errors',
    apis: 'single',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.ErrorsByStatusCode]: {
    label: 'Errors by status code',
    description: 'Error count per status code and API (table).',
    page: 'Errors',
    apis: 'single',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.ErrorDetails]: {
    label: 'Error details',
    description: 'Errors per time, API, application and reason (table).',
    page: 'Errors',
    apis: 'single',
    apps: 'single',
    granularity: true,
    environment: true,
  },
  [QueryType.TopSlowestApis]: {
    label: 'Top slowest APIs',
    description: 'APIs ranked by 95th percentile latency.',
    page: 'Latency',
    apis: 'none',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.ApiLatency]: {
    label: 'API latency',
    description: 'Total, backend and mediation latency of one API over time (95th percentile and median).',
    page: 'Latency',
    apis: 'single',
    apiRequired: true,
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.Cache]: {
    label: 'Cache hits and misses',
    description: 'Response cache hits, misses and hit rate over time.',
    page: 'Cache & devices',
    apis: 'single',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.TopPlatforms]: {
    label: 'Top platforms',
    description: 'Requests per client platform (top 9 and Other).',
    page: 'Cache & devices',
    apis: 'multi',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.TopUserAgents]: {
    label: 'Top user agents',
    description: 'Requests per user agent (top 9 and Other).',
    page: 'Cache & devices',
    apis: 'multi',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.AlertSummary]: {
    label: 'Alert summary',
    description: 'Traffic and latency alerts (table).',
    page: 'Alerts',
    apis: 'multi',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.TopApisByAlertCount]: {
    label: 'Top APIs by alert count',
    description: 'APIs ranked by number of alerts.',
    page: 'Alerts',
    apis: 'none',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.CustomReport]: {
    label: 'Custom report',
    description: 'A metric grouped by up to three fields, over time or as top values.',
    page: 'Custom reports',
    apis: 'none',
    apps: 'none',
    granularity: true,
    environment: true,
  },
  [QueryType.List]: {
    label: 'List',
    description: 'Environments, APIs, applications and other lists (table).',
    page: 'Lists',
    apis: 'multi',
    apps: 'none',
    granularity: false,
    environment: true,
  },
  [QueryType.GraphQL]: {
    label: 'GraphQL',
    description: 'Any Insights query, written by hand.',
    page: 'GraphQL',
    apis: 'none',
    apps: 'none',
    granularity: false,
    environment: true,
  },
};

export function isQueryType(value: unknown): value is QueryType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(QUERY_TYPES, value);
}

/** The type select's options, grouped by console page in the console's menu order. */
export const QUERY_TYPE_OPTIONS: Array<ComboboxOption<QueryType>> = PAGE_ORDER.flatMap((page) =>
  (Object.keys(QUERY_TYPES) as QueryType[])
    .filter((type) => QUERY_TYPES[type].page === page)
    .map((type) => ({
      label: QUERY_TYPES[type].label,
      value: type,
      description: QUERY_TYPES[type].description,
      group: page,
    }))
);

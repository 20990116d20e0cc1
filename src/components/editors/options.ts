import type { ComboboxOption } from '@grafana/ui';

import type {
  AlertCategory,
  CustomReportMetric,
  ErrorCategory,
  ErrorCodeType,
  ErrorType,
  GroupByField,
  KpiKind,
  ListKind,
  SortOrder,
} from '../../types';

// Labels follow the Choreo console's wording so users find what they see there.

export const KPI_OPTIONS: Array<ComboboxOption<KpiKind>> = [
  { label: 'Total traffic', value: 'totalTraffic', description: 'Successful and failed requests' },
  { label: 'Error request count', value: 'errorCount', description: '4xx and 5xx responses' },
  { label: 'Average error rate %', value: 'errorRate', description: 'Errors / total traffic × 100' },
  { label: '95th percentile latency', value: 'latencyP95', description: 'Milliseconds' },
];

export const ERROR_CATEGORY_OPTIONS: Array<ComboboxOption<ErrorCategory>> = [
  { label: 'Authentication', value: 'AUTH' },
  { label: 'Target connectivity', value: 'TARGET_CONNECTIVITY' },
  { label: 'Throttling', value: 'THROTTLED' },
  { label: 'Other', value: 'OTHER' },
];

export const ERROR_TYPE_OPTIONS: Array<ComboboxOption<ErrorType>> = [
  { label: 'Proxy', value: 'PROXY', description: 'Errors raised by the gateway' },
  { label: 'Target', value: 'TARGET', description: 'Errors returned by the backend' },
];

/** `all` stands for "no errorCodeType": the API then returns both classes. */
export type ErrorCodeChoice = ErrorCodeType | 'all';
export const ERROR_CODE_OPTIONS: Array<ComboboxOption<ErrorCodeChoice>> = [
  { label: 'All', value: 'all' },
  { label: '4xx', value: '_4XX' },
  { label: '5xx', value: '_5XX' },
];

export const ALERT_CATEGORY_OPTIONS: Array<ComboboxOption<AlertCategory>> = [
  { label: 'Traffic', value: 'TRAFFIC' },
  { label: 'Latency', value: 'LATENCY' },
];

export const SORT_ORDER_OPTIONS: Array<ComboboxOption<SortOrder>> = [
  { label: 'Descending', value: 'desc' },
  { label: 'Ascending', value: 'asc' },
];

export const METRIC_OPTIONS: Array<ComboboxOption<CustomReportMetric>> = [
  { label: 'Request count', value: 'HIT_COUNT' },
  { label: 'Response cache hits', value: 'RESPONSE_CACHE_HIT' },
  { label: 'Request mediation latency', value: 'REQUEST_MEDIATION_LATENCY' },
  { label: 'Response mediation latency', value: 'RESPONSE_MEDIATION_LATENCY' },
  { label: 'Backend latency', value: 'BACKEND_LATENCY' },
  { label: 'Total latency', value: 'TOTAL_LATENCY' },
  { label: 'API errors', value: 'API_ERRORS', description: 'Errors at the gateway' },
  { label: 'Target errors', value: 'TARGET_ERRORS', description: 'Errors from the backend' },
];

export const GROUP_BY_OPTIONS: Array<ComboboxOption<GroupByField>> = [
  { label: 'API name', value: 'API_NAME' },
  { label: 'API version', value: 'API_VERSION' },
  { label: 'Resource template', value: 'API_RESOURCE_TEMPLATE' },
  { label: 'HTTP method', value: 'API_METHOD' },
  { label: 'API creator', value: 'API_CREATOR' },
  { label: 'Application name', value: 'APPLICATION_NAME' },
  { label: 'Application owner', value: 'APPLICATION_OWNER' },
  { label: 'Destination', value: 'DESTINATION' },
  { label: 'User agent', value: 'USER_AGENT' },
  { label: 'Platform', value: 'PLATFORM' },
  { label: 'Target response code', value: 'TARGET_RESPONSE_CODE' },
];

export const LIST_OPTIONS: Array<ComboboxOption<ListKind>> = [
  { label: 'APIs', value: 'apis' },
  { label: 'Applications', value: 'applications' },
  { label: 'Environments', value: 'environments' },
  { label: 'Providers', value: 'providers' },
  { label: 'Subscribers', value: 'subscribers' },
  { label: 'Tenants', value: 'tenants' },
  { label: 'Organizations', value: 'organizations' },
];

/**
 * What each parity vector asks (catalog/vectors/queries/<type>/<name>.json): the query, the range
 * and settings, and for the awkward cases an edit of the recorded answers. `npm run vectors --
 * --write` records the exchanges from the emulator, applies the edits and writes the frames the
 * runner makes; review them before committing.
 */
import { APIS, APPLICATIONS, DEMO_CREDENTIALS, ENV_IDS } from '../../emulator/demo';
import type { Exchange } from '../../testing/parity/vector';

export interface VectorSource {
  type: string;
  name: string;
  description: string;
  query: Record<string, unknown>;
  /** Default: the 3 hours before 2026-11-24T12:00Z, 1 h interval, 500 points. */
  range?: { from: string; to: string };
  timezone?: string;
  intervalMs?: number;
  maxDataPoints?: number;
  settings?: { orgUuid: string; tenant?: string; defaultEnvironmentId?: string };
  /** Emulator options for the recording (a server that caps its pages). */
  maxPageSize?: number;
  /** Changes the recorded answers before the frames are made. */
  edit?: (exchanges: Exchange[]) => void;
}

export const ORDERS = APIS[0].id;
export const PAYMENTS = APIS[2].id;
export const WEB_APP = APPLICATIONS[0].id;

/** The answer to the request of `document` (the first one). */
export function answerOf(exchanges: Exchange[], document: string): { data?: unknown; errors?: unknown } {
  const ex = exchanges.find((e) => e.request.document === document);
  if (!ex) {
    throw new Error(`no exchange for ${document}`);
  }
  return ex.answer.body;
}

type Json = Record<string, unknown>;
const data = (exchanges: Exchange[], document: string) => answerOf(exchanges, document).data as Json;

const kpi = (kind: string): VectorSource => ({
  type: 'overviewKpi',
  name: kind,
  description: `The ${kind} KPI: one number for a Stat panel.`,
  query: { queryType: 'overviewKpi', kpi: kind },
});

const list = (kind: string): VectorSource => ({
  type: 'list',
  name: kind,
  description: `The ${kind} list as a table.`,
  query: { queryType: 'list', list: kind },
});

export const SOURCES: VectorSource[] = [
  kpi('totalTraffic'),
  kpi('errorCount'),
  kpi('errorRate'),
  kpi('latencyP95'),
  {
    ...kpi('errorRate'),
    name: 'errorRate-no-traffic',
    description: 'No traffic means no errors either: the rate is 0 %, not a division by zero.',
    edit: (ex) => {
      Object.assign(data(ex, 'OverviewErrorRate.graphql'), { traffic: 0, errors: 0 });
    },
  },
  {
    ...kpi('totalTraffic'),
    name: 'numeric-string',
    description: 'A gateway that serialises the count as a string: read as the number it spells.',
    edit: (ex) => {
      Object.assign(data(ex, 'OverviewTotalTraffic.graphql'), { traffic: '12345' });
    },
  },
  {
    ...kpi('totalTraffic'),
    name: 'traffic-an-object',
    description:
      'The count answered as an object: an empty value and a notice saying what the API answered, not a silent "No data".',
    edit: (ex) => {
      Object.assign(data(ex, 'OverviewTotalTraffic.graphql'), { traffic: { total: 5 } });
    },
  },
  {
    ...kpi('errorRate'),
    name: 'errors-a-list',
    description:
      'An operand of the rate answered as a list: the rate is empty and the notice says what the API answered.',
    edit: (ex) => {
      Object.assign(data(ex, 'OverviewErrorRate.graphql'), { errors: [12] });
    },
  },
  {
    ...kpi('totalTraffic'),
    name: 'traffic-null',
    description: 'The count answered as null: the API has no value, an empty value without a notice.',
    edit: (ex) => {
      Object.assign(data(ex, 'OverviewTotalTraffic.graphql'), { traffic: null });
    },
  },
  {
    type: 'requestSummary',
    name: 'basic',
    description: 'Success and errors (counts) and p95 latency on a right axis, 1 h buckets.',
    query: { queryType: 'requestSummary', granularity: 'auto' },
  },
  {
    type: 'requestSummary',
    name: 'missing-buckets',
    description:
      'Series bucketed on their own: a success bucket missing is 0 on the grid, a latency bucket missing stays a gap, an unreadable timestamp is dropped and said.',
    query: { queryType: 'requestSummary', granularity: '1h' },
    edit: (ex) => {
      const d = data(ex, 'RequestSummary.graphql') as {
        success: { summary: unknown[] };
        latency: { summary: unknown[] };
        errors: { summary: Json[] };
      };
      d.success.summary.splice(1, 1);
      d.latency.summary.splice(0, 1);
      d.errors.summary[2].timeSpan = 'not a time';
    },
  },
  {
    type: 'requestSummary',
    name: 'partial-data',
    description: 'Data with errors: the frames from the data, the errors as warnings.',
    query: { queryType: 'requestSummary' },
    edit: (ex) => {
      const body = answerOf(ex, 'RequestSummary.graphql');
      (body.data as Json).latency = null;
      body.errors = [{ message: 'Latency store unavailable', path: ['latency'] }];
    },
  },
  {
    type: 'requestSummary',
    name: 'daily-kolkata',
    description: "Daily buckets at the dashboard's midnight (+05:30): the time filter carries the offset.",
    query: { queryType: 'requestSummary', granularity: '1d' },
    timezone: 'Asia/Kolkata',
    range: { from: '2026-11-20T18:30:00.000Z', to: '2026-11-23T18:30:00.000Z' },
    intervalMs: 86_400_000,
  },
  {
    type: 'requestSummary',
    name: 'daily-los-angeles',
    description: "Daily buckets at the dashboard's midnight (-08:00).",
    query: { queryType: 'requestSummary', granularity: '1d' },
    timezone: 'America/Los_Angeles',
    range: { from: '2026-11-21T08:00:00.000Z', to: '2026-11-24T08:00:00.000Z' },
    intervalMs: 86_400_000,
  },
  {
    type: 'requestSummary',
    name: 'granularity-too-fine',
    description: 'A fixed granularity with more buckets than the panel draws: sent, and the panel says which fits.',
    query: { queryType: 'requestSummary', granularity: '1m' },
    range: { from: '2026-11-24T11:00:00.000Z', to: '2026-11-24T12:00:00.000Z' },
    intervalMs: 60_000,
    maxDataPoints: 20,
  },
  {
    type: 'apiUsage',
    name: 'all-apis',
    description: 'Hits per API, one series each, named from listAllAPI, with the API id as a label.',
    query: { queryType: 'apiUsage' },
  },
  {
    type: 'apiUsage',
    name: 'api-id-forms',
    description:
      'apiId as a UUID, as "<name> - <version>" and as null; a null item (a hole), an item that is not an object (left out, said) and an API without usage.',
    query: { queryType: 'apiUsage', apiIds: [ORDERS, PAYMENTS], appIds: [WEB_APP], granularity: '1h' },
    edit: (ex) => {
      const items = data(ex, 'ApiUsage.graphql').getAPIUsageOverTime as unknown[];
      items[1] = { ...(items[1] as Json), apiId: 'Payments API - 1.0.0' };
      items.push({ ...(items[0] as Json), apiId: null }, null, 42, {
        apiId: 'Legacy - 0.9',
        granularity: '1h',
        usage: null,
      });
    },
  },
  {
    type: 'apiUsage',
    name: 'usage-not-a-list',
    description: 'A list the document asks for answered as text: an error that says where, not an empty panel.',
    query: { queryType: 'apiUsage', granularity: '1h' },
    edit: (ex) => {
      const items = data(ex, 'ApiUsage.graphql').getAPIUsageOverTime as Json[];
      items[0].usage = 'oops';
    },
  },
  {
    type: 'errorDetails',
    name: 'rows-an-object',
    description: 'The rows answered as an object: an error that says where, not "No data".',
    query: { queryType: 'errorDetails', maxRows: 3 },
    edit: (ex) => {
      (data(ex, 'ErrorDetails.graphql').getErrorsDetails as Json).usage = { apiId: 'x' };
    },
  },
  {
    type: 'requestSummary',
    name: 'counts-as-text',
    description:
      'Counts sent as numeric text are read as numbers in time series too (one numeric reader); other text is a gap, and said.',
    query: { queryType: 'requestSummary', granularity: '1h' },
    edit: (ex) => {
      const d = data(ex, 'RequestSummary.graphql') as { success: { summary: Json[] }; latency: { summary: Json[] } };
      d.success.summary[0].requestCount = '12';
      d.latency.summary[1].latencyTime = 'fast';
    },
  },
  {
    type: 'requestSummary',
    name: 'counts-not-numbers',
    description:
      'Counts answered as text, true or false and a list: empty cells (not zeros) and one notice per field naming the first; a null count stays a silent gap.',
    query: { queryType: 'requestSummary', granularity: '1h' },
    edit: (ex) => {
      const d = data(ex, 'RequestSummary.graphql') as { success: { summary: Json[] }; errors: { summary: Json[] } };
      d.success.summary[0].requestCount = 'many';
      d.success.summary[2].requestCount = true;
      d.errors.summary[1].errorCount = [80];
      d.errors.summary[2].errorCount = null;
    },
  },
  {
    type: 'usageByApplication',
    name: 'basic',
    description: 'Hits per application over time.',
    query: { queryType: 'usageByApplication', apiIds: [ORDERS] },
  },
  {
    type: 'usageByBackend',
    name: 'basic',
    description: 'Hits per backend over time.',
    query: { queryType: 'usageByBackend' },
  },
  {
    type: 'resourceUsage',
    name: 'rows-cut',
    description: 'A table capped at maxRows with a notice; descending by count.',
    query: { queryType: 'resourceUsage', maxRows: 4, sortBy: 'count' },
  },
  {
    type: 'resourceUsage',
    name: 'api-without-search',
    description: 'The API filter applies to resource usage only with a search text: said, and not sent.',
    query: { queryType: 'resourceUsage', apiIds: [ORDERS], maxRows: 3 },
  },
  {
    type: 'resourceUsage',
    name: 'search',
    description: 'A search text, with the API filter inside the search filter.',
    query: { queryType: 'resourceUsage', apiIds: [ORDERS], search: ' orders ', maxRows: 50 },
  },
  {
    type: 'errorsByCategory',
    name: 'all',
    description: 'All four categories over time.',
    query: { queryType: 'errorsByCategory' },
  },
  {
    type: 'errorsByCategory',
    name: 'chosen',
    description: 'Only the chosen categories become series; one API.',
    query: { queryType: 'errorsByCategory', errorCategories: ['THROTTLED', 'AUTH'], apiIds: [ORDERS] },
  },
  {
    type: 'errorsByStatusClass',
    name: 'basic',
    description: 'Proxy and target 4xx/5xx over time.',
    query: { queryType: 'errorsByStatusClass' },
  },
  {
    type: 'errorsByStatusCode',
    name: 'proxy',
    description: 'One row per API, one column per status code.',
    query: { queryType: 'errorsByStatusCode', errorType: 'PROXY' },
  },
  {
    type: 'errorsByStatusCode',
    name: 'target-5xx',
    description: 'Target 5xx only; a cell without a status code and a count sent as text.',
    query: { queryType: 'errorsByStatusCode', errorType: 'TARGET', errorCodeType: '_5XX' },
    edit: (ex) => {
      const rows = (
        data(ex, 'ErrorsByStatusCode.graphql').getErrorsByStatusCode as { errors: Array<{ errorCountByCode: Json[] }> }
      ).errors;
      rows[0].errorCountByCode.push({ statusCode: null, count: '7' });
    },
  },
  {
    type: 'errorsByStatusCode',
    name: 'count-an-object',
    description: 'A cell whose count is an object: that sum is empty (not a silent 0) and said once for its column.',
    query: { queryType: 'errorsByStatusCode', errorType: 'PROXY' },
    edit: (ex) => {
      const rows = (
        data(ex, 'ErrorsByStatusCode.graphql').getErrorsByStatusCode as { errors: Array<{ errorCountByCode: Json[] }> }
      ).errors;
      rows[0].errorCountByCode[0].count = { value: 7 };
    },
  },
  {
    type: 'errorDetails',
    name: 'category-search',
    description: 'One category, a search text, at most 3 rows.',
    query: { queryType: 'errorDetails', errorCategories: ['TARGET_CONNECTIVITY'], search: 'timeout', maxRows: 3 },
  },
  {
    type: 'errorDetails',
    name: 'pages',
    description: 'A server that caps its pages at 2 rows: followed page by page up to maxRows.',
    query: { queryType: 'errorDetails', maxRows: 5, sortBy: 'count' },
    maxPageSize: 2,
  },
  {
    type: 'errorDetails',
    name: 'page-budget',
    description:
      'A server that serves one row per page: the page budget (20 pages a query) stops it, and the notice says why.',
    query: { queryType: 'errorDetails', maxRows: 1000, sortBy: 'count' },
    maxPageSize: 1,
  },
  {
    type: 'errorDetails',
    name: 'max-rows-clamped',
    description: 'A hand-edited maxRows above what a panel fetches is read as the most it fetches, and said.',
    query: { queryType: 'errorDetails', maxRows: 50000, search: 42, errorCategories: 'AUTH' },
  },
  {
    type: 'errorDetails',
    name: 'saved-field-type',
    description: 'A saved scope field of the wrong type is refused with a message naming it, before anything is sent.',
    query: { queryType: 'errorDetails', apiIds: [{ id: 'x' }] },
  },
  {
    type: 'topSlowestApis',
    name: 'limit',
    description: 'The 3 slowest APIs, slowest first whatever order the answer has.',
    query: { queryType: 'topSlowestApis', limit: 3 },
    edit: (ex) => {
      (data(ex, 'TopSlowestApis.graphql').topSlowestAPIs as unknown[]).reverse();
    },
  },
  {
    type: 'topSlowestApis',
    name: 'latency-a-list',
    description:
      'A latency answered as a list: an empty cell sorted last, and a notice naming the column, not a silent gap.',
    query: { queryType: 'topSlowestApis', limit: 3 },
    edit: (ex) => {
      const rows = data(ex, 'TopSlowestApis.graphql').topSlowestAPIs as Json[];
      rows[0].latency = [rows[0].latency];
    },
  },
  {
    type: 'apiLatency',
    name: 'basic',
    description: 'Total, backend and mediation latency of one API, p95 and median.',
    query: { queryType: 'apiLatency', apiIds: [ORDERS] },
  },
  {
    type: 'apiLatency',
    name: 'no-api',
    description: 'Latency is for one API: refused before anything is sent.',
    query: { queryType: 'apiLatency' },
  },
  {
    type: 'cache',
    name: 'basic',
    description: 'Hits and misses (counts), hit % on a right axis.',
    query: { queryType: 'cache', apiIds: [ORDERS] },
  },
  {
    type: 'topPlatforms',
    name: 'basic',
    description: 'Requests per platform.',
    query: { queryType: 'topPlatforms' },
  },
  {
    type: 'topUserAgents',
    name: 'basic',
    description: 'Requests per user agent.',
    query: { queryType: 'topUserAgents', apiIds: [ORDERS, PAYMENTS] },
  },
  {
    type: 'alertSummary',
    name: 'category',
    description: 'Latency alerts over a day, with names and ids.',
    query: { queryType: 'alertSummary', alertCategory: 'LATENCY', maxRows: 5 },
    range: { from: '2026-11-23T12:00:00.000Z', to: '2026-11-24T12:00:00.000Z' },
  },
  {
    type: 'topApisByAlertCount',
    name: 'limit',
    description: 'The 3 APIs with the most alerts over a day.',
    query: { queryType: 'topApisByAlertCount', limit: 3 },
    range: { from: '2026-11-23T12:00:00.000Z', to: '2026-11-24T12:00:00.000Z' },
  },
  {
    type: 'customReport',
    name: 'over-time',
    description: 'Hits of one group over time; the display name says the group.',
    query: {
      queryType: 'customReport',
      customReport: {
        mode: 'overTime',
        metric: 'HIT_COUNT',
        groupByFields: ['API_NAME'],
        groupByValues: ['Orders API'],
      },
    },
  },
  {
    type: 'customReport',
    name: 'top-latency',
    description: 'Top groups of a latency metric: ms, gaps stay gaps.',
    query: {
      queryType: 'customReport',
      customReport: { mode: 'topOverTime', metric: 'TOTAL_LATENCY', groupByFields: ['API_NAME'] },
    },
  },
  {
    type: 'customReport',
    name: 'top-limit',
    description: 'Top over time honours the limit: only the first groups the API ranks highest.',
    query: {
      queryType: 'customReport',
      limit: 2,
      customReport: { mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['APPLICATION_NAME'] },
    },
  },
  {
    type: 'customReport',
    name: 'unknown-metric',
    description: 'An unknown metric is refused with the choices, before anything is sent.',
    query: { queryType: 'customReport', customReport: { metric: 'CPU', groupByFields: ['API_NAME'] } },
  },
  list('apis'),
  list('applications'),
  list('environments'),
  list('providers'),
  list('subscribers'),
  list('tenants'),
  list('organizations'),
  {
    type: 'list',
    name: 'environment-fallback',
    description: "No environment and no default: the organization's first, said in a notice.",
    query: { queryType: 'list', list: 'apis' },
    settings: { orgUuid: DEMO_CREDENTIALS.orgUuid },
  },
  {
    type: 'apiUsage',
    name: 'too-many-apis',
    description: 'More than five APIs: refused as the API would.',
    query: { queryType: 'apiUsage', apiIds: ['a', 'b', 'c', 'd', 'e', 'f'] },
  },
];

export const DEFAULT_SETTINGS = { orgUuid: DEMO_CREDENTIALS.orgUuid, defaultEnvironmentId: ENV_IDS.production };

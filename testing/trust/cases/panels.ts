import { dateTime, type DataQueryRequest } from '@grafana/data';

import type { Faults } from '../../../emulator/server';
import { AUTH_FAILED_MESSAGE } from '../../../src/client/httpErrors';
import { QueryType, type ChoreoQuery } from '../../../src/types';
import { FROM, TO } from '../trustStack';
import { api, type Endpoints, type StackKind } from './health';

/** What the panel shows: its error, or frames (row counts per frame) with notices. */
export interface PanelExpectation {
  error?: string;
  notices?: string[];
  /** Rows of each frame, in order. */
  rows?: number[];
}

export interface PanelCase {
  name: string;
  stack?: StackKind;
  targets: Array<Partial<ChoreoQuery>>;
  faults?: Faults;
  request?: Partial<DataQueryRequest<ChoreoQuery>>;
  expected: PanelExpectation | ((e: Endpoints) => PanelExpectation);
}

const gql = (query: string, variables?: string, extra: Partial<ChoreoQuery['graphql']> = {}): Partial<ChoreoQuery> => ({
  queryType: QueryType.GraphQL,
  graphql: { query, variables, ...extra },
});
const summary: Partial<ChoreoQuery> = { queryType: QueryType.RequestSummary };
const kpi: Partial<ChoreoQuery> = { queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' };

/** The JSON.parse message of this engine, so the expectation is exact on any Node version. */
function parseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${text} parses`);
}

const range = (fromMs: number, toMs: number): Partial<DataQueryRequest<ChoreoQuery>> => ({
  range: { from: dateTime(fromMs), to: dateTime(toMs), raw: { from: dateTime(fromMs), to: dateTime(toMs) } },
});

const USAGE_VARS = '$timeFilter: TimeFilter!, $dataFilter: DataFilter!';
const TOP = `query Top(${USAGE_VARS}, $limit: Int!) { topSlowestAPIs(filter: $timeFilter, dataFilter: $dataFilter, limit: $limit) { apiId latency } }`;

export const QUERY_CASES: PanelCase[] = [
  {
    name: 'GraphQL syntax error',
    targets: [gql('query { getTotalTraffic(')],
    expected: { error: 'Invalid GraphQL query: Syntax Error: Expected Name, found <EOF>. (line 1, column 25)' },
  },
  {
    name: 'GraphQL unknown field',
    targets: [gql('{ getEverything }')],
    expected: {
      error: 'Invalid GraphQL query: Cannot query field "getEverything" on type "Query". (line 1, column 3)',
    },
  },
  {
    name: 'GraphQL missing required argument',
    targets: [gql(`query Q($timeFilter: TimeFilter!) { getTotalTraffic(filter: $timeFilter) }`)],
    expected: {
      error:
        'Invalid GraphQL query: Field "getTotalTraffic" argument "dataFilter" of type "DataFilter!" is required, but it was not provided. (line 1, column 37)',
    },
  },
  {
    name: 'GraphQL mutation',
    targets: [gql('mutation { x }')],
    expected: {
      error: 'Invalid GraphQL query: Only queries can be run from Grafana; this is a mutation. (line 1, column 1)',
    },
  },
  {
    name: 'GraphQL two operations',
    targets: [gql('query A { listOrganizations { id } } query B { listOrganizations { id } }')],
    expected: {
      error: 'Invalid GraphQL query: The document must contain exactly one operation; it has 2. (line 1, column 38)',
    },
  },
  {
    name: 'variables JSON that does not parse',
    targets: [gql(TOP, '{limit: 3}')],
    expected: { error: `The variables are not valid JSON: ${parseMessage('{limit: 3}')}` },
  },
  {
    name: 'variables JSON that is an array',
    targets: [gql(TOP, '[3]')],
    expected: { error: 'The variables must be a JSON object, e.g. {"limit": 10}.' },
  },
  {
    name: 'variable text that is not an Int',
    targets: [gql(TOP, '{"limit": "three"}')],
    expected: { error: 'GraphQL variables: $limit is Int: "three" is not an integer.' },
  },
  {
    name: 'variable of the wrong JSON type (the API names it)',
    targets: [gql(TOP, '{"limit": true}')],
    expected: {
      error:
        'Insights API error: Variable "$limit" got invalid value true; Int cannot represent non-integer value: true',
    },
  },
  {
    name: 'required variable with no value',
    targets: [gql(TOP)],
    expected: {
      error:
        'GraphQL variables: $limit (Int!) has no value: give it in the variables JSON or add a dashboard variable named "limit".',
    },
  },
  {
    name: 'undefined dashboard variable in the variables JSON',
    targets: [gql(TOP, '{"limit": "$nosuch"}')],
    expected: {
      error: 'GraphQL variables: $limit: $nosuch is not a dashboard variable or a macro of this data source.',
    },
  },
  {
    name: 'multi-value variable into a single Int',
    targets: [gql(TOP, '{"limit": "$many"}')],
    expected: {
      error:
        'GraphQL variables: $limit is Int but "$many" has 2 values selected: declare it as a list ([Int]) or use a single-value variable.',
    },
  },
  {
    name: 'dashboard variable fills a declared variable',
    targets: [gql(TOP)],
    request: { scopedVars: { limit: { text: '2', value: '2' } } },
    expected: { rows: [2] },
  },
  {
    name: 'undefined dashboard variable as the builder API filter',
    targets: [{ queryType: QueryType.ApiUsage, apiIds: ['$nosuch'] }],
    expected: {
      error:
        'The dashboard variable $nosuch is not defined: add it in the dashboard settings or remove it from this query.',
    },
  },
  {
    name: 'undefined dashboard variable as the environment',
    targets: [{ ...summary, environmentId: '${nosuch}' }],
    expected: {
      error:
        'The dashboard variable ${nosuch} is not defined: add it in the dashboard settings or remove it from this query.',
    },
  },
  {
    name: 'empty multi-value selection where one API is required',
    targets: [{ queryType: QueryType.ApiLatency, apiIds: ['$apis'] }],
    expected: { error: 'Choose an API: latency is shown for one API at a time.' },
  },
  {
    name: 'two APIs where one is allowed',
    targets: [{ queryType: QueryType.ApiLatency, apiIds: ['$many'] }],
    expected: { error: 'This view filters by one API at a time, but 2 APIs are selected.' },
  },
  {
    name: 'six APIs where five is the API limit',
    targets: [{ queryType: QueryType.ApiUsage, apiIds: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    expected: { error: 'The Insights API filters by at most 5 APIs, but 6 are selected.' },
  },
  {
    name: 'unknown query type',
    targets: [{ queryType: 'nope' as QueryType }],
    expected: { error: 'Unknown query type "nope". Pick a query type in the editor.' },
  },
  {
    name: 'granularity the API rejects',
    targets: [{ ...summary, granularity: '1w' as ChoreoQuery['granularity'] }],
    expected: { error: 'Unknown granularity "1w": choose auto, 1m, 15m, 1h, 1d, 7d.' },
  },
  {
    name: 'empty time range',
    targets: [summary],
    request: range(TO, TO),
    expected: {
      error:
        'The time range is empty (it starts and ends at 2026-11-25T00:00:00.000Z): pick a range that spans some time.',
    },
  },
  {
    name: 'reversed time range',
    targets: [summary],
    request: range(TO, FROM),
    expected: {
      error:
        'The time range ends (2026-11-24T00:00:00.000Z) before it starts (2026-11-25T00:00:00.000Z): pick a range in the time picker.',
    },
  },
  {
    name: 'ten-year time range',
    targets: [summary],
    request: range(TO - 10 * 365 * 86_400_000, TO),
    // The emulator's limit; the live API's is not documented, so its own words reach the panel.
    expected: {
      error: ['success', 'errors', 'latency']
        .map((at) => `Time range in filter is too long: at most 732 days are supported (at ${at})`)
        .join('; ')
        .replace(/^/, 'Insights API error: '),
    },
  },
  {
    name: 'a failing target keeps its own error; the other renders',
    targets: [kpi, { ...summary, granularity: '1w' as ChoreoQuery['granularity'] }],
    expected: { error: 'Unknown granularity "1w": choose auto, 1m, 15m, 1h, 1d, 7d.', rows: [1] },
  },
];

/** A RequestSummary answer with the given buckets in every series. */
function summaryBody(buckets: unknown[]): string {
  const series = (value: string) => ({
    granularity: '1h',
    summary: buckets.map((b) =>
      b && typeof b === 'object' && 'timeSpan' in b ? { ...b, [value]: (b as { v?: unknown }).v ?? 1 } : b
    ),
  });
  return JSON.stringify({
    data: { success: series('requestCount'), errors: series('errorCount'), latency: series('latencyTime') },
  });
}

const html502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

export const RESPONSE_CASES: PanelCase[] = [
  {
    name: 'HTML login page with 200',
    targets: [kpi],
    faults: { ...api, status: 200, body: '<html><head><title>Choreo Login</title></head><body>Sign in</body></html>' },
    expected: (e) => ({
      error: `The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (${e.apiUrl}): it must be the GraphQL endpoint.`,
    }),
  },
  {
    name: 'plain-text body with 200',
    targets: [kpi],
    faults: {
      ...api,
      status: 200,
      body: 'upstream connect error or disconnect/reset before headers',
      contentType: 'text/plain',
    },
    expected: (e) => ({
      error: `The Insights API answered with text instead of JSON: "upstream connect error or disconnect/reset before headers". Check "Insights API URL" (${e.apiUrl}).`,
    }),
  },
  {
    name: 'truncated JSON',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":{"traffic":12' },
    expected: { error: 'The Insights API answered with invalid JSON (21 bytes, possibly truncated).' },
  },
  {
    name: 'empty body',
    targets: [kpi],
    faults: { ...api, status: 200, body: '' },
    expected: (e) => ({
      error: `The Insights API answered with an empty body. Check "Insights API URL" (${e.apiUrl}).`,
    }),
  },
  {
    name: 'data: null without errors',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":null}' },
    expected: { error: 'The Insights API answered without data or errors.' },
  },
  {
    name: 'a JSON array instead of an object',
    targets: [kpi],
    faults: { ...api, status: 200, body: '[]' },
    expected: { error: 'The Insights API answered with something that is not a GraphQL response.' },
  },
  {
    name: 'errors without data',
    targets: [summary],
    faults: { ...api, graphqlError: 'Query timed out in the analytics store' },
    expected: { error: 'Insights API error: Query timed out in the analytics store' },
  },
  {
    name: 'errors with partial data',
    targets: [kpi],
    faults: { ...api, graphqlError: { message: 'Some shards failed', partialData: true } },
    expected: {
      rows: [1],
      notices: ['warning: Insights API returned part of the data with an error: Some shards failed'],
    },
  },
  {
    name: 'GraphQL errors that are not objects',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":null,"errors":["boom",42]}' },
    expected: { error: 'Insights API error: boom; 42' },
  },
  {
    name: 'a string where a number belongs',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":{"traffic":"12"}}' },
    // A numeric string is read as the number it spells (src/frames/fields.ts).
    expected: { rows: [1] },
  },
  {
    name: 'an object where a number belongs',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":{"traffic":{"total":5}}}' },
    // Not a silent "No data": the empty value comes with what the API answered.
    expected: {
      rows: [1],
      notices: [
        'warning: 1 value(s) of `Total Traffic` could not be read as numbers and are shown empty: the Insights API answered an object.',
      ],
    },
  },
  {
    name: 'null where a number belongs',
    targets: [kpi],
    faults: { ...api, status: 200, body: '{"data":{"traffic":null}}' },
    // The API's "no value": an empty value, nothing to say.
    expected: { rows: [1] },
  },
  {
    name: 'text and true or false where counts belong',
    targets: [summary],
    faults: {
      ...api,
      status: 200,
      body: summaryBody([
        { timeSpan: '2026-11-24T00:00:00Z', v: 'abc' },
        { timeSpan: '2026-11-24T01:00:00Z', v: true },
      ]),
    },
    expected: {
      rows: [24],
      notices: [
        'warning: 2 value(s) of `Success` could not be read as numbers and are shown empty: the Insights API answered a string.',
        'warning: 2 value(s) of `Errors` could not be read as numbers and are shown empty: the Insights API answered a string.',
        'warning: 2 value(s) of `Latency (p95)` could not be read as numbers and are shown empty: the Insights API answered a string.',
      ],
    },
  },
  {
    name: 'an object where a list belongs',
    targets: [summary],
    faults: { ...api, status: 200, body: '{"data":{"success":{"summary":{"timeSpan":"2026-11-24T00:00:00Z"}}}}' },
    expected: { error: 'The Insights API answered `success.summary` with an object where a list was expected.' },
  },
  {
    name: 'unexpected extra nesting',
    targets: [summary],
    faults: { ...api, status: 200, body: '{"data":{"data":{"success":{"summary":[]}}}}' },
    expected: { rows: [-1] },
  },
  {
    name: 'timestamps in every format the API uses',
    targets: [summary],
    faults: {
      ...api,
      status: 200,
      body: summaryBody([
        { timeSpan: '2026-11-24T05:30:00.0000000+05:30' },
        { timeSpan: '2026-11-24T01:00:00Z' },
        { timeSpan: '2026-11-24T02:00:00' },
        { timeSpan: '2026-11-24 03:00:00.000+0000' },
        { timeSpan: '2026-11-24T04:00:00.000000000-00:00' },
        null,
      ]),
    },
    expected: { rows: [24] },
  },
  {
    name: 'timestamps that cannot be read',
    targets: [summary],
    faults: {
      ...api,
      status: 200,
      body: summaryBody([
        { timeSpan: '2026-11-24T00:00:00Z' },
        { timeSpan: 1764000000000 },
        { timeSpan: '24/11/2026 01:00' },
        { timeSpan: null },
      ]),
    },
    expected: {
      rows: [24],
      notices: ['warning: 9 bucket(s) had a timestamp that could not be read and were left out.'],
    },
  },
  {
    name: 'a huge payload (100,000 buckets)',
    targets: [summary],
    faults: {
      ...api,
      status: 200,
      body: summaryBody(
        Array.from({ length: 100_000 }, (_, i) => ({ timeSpan: new Date(FROM + i * 60_000).toISOString(), v: i }))
      ),
    },
    expected: { rows: [-1] },
  },
  {
    name: "Grafana's rewritten 401 (400)",
    targets: [kpi],
    faults: { ...api, status: 401 },
    expected: { error: AUTH_FAILED_MESSAGE },
  },
  {
    name: 'revoked token',
    targets: [kpi],
    faults: {
      ...api,
      status: 401,
      body: '{"code":"900901","message":"Invalid Credentials","description":"Access token has been revoked"}',
    },
    expected: { error: AUTH_FAILED_MESSAGE },
  },
  {
    name: 'upstream 400 with a GraphQL body',
    targets: [kpi],
    faults: { ...api, status: 400, body: '{"errors":[{"message":"Invalid granularity 1w"}]}' },
    expected: { error: 'The Insights API rejected the request (HTTP 400). Response: Invalid granularity 1w' },
  },
  {
    name: '403',
    targets: [kpi],
    faults: {
      ...api,
      status: 403,
      body: '{"code":"900910","message":"The access token does not allow you to access the requested resource"}',
    },
    expected: {
      error:
        'Access denied (HTTP 403). The token may lack the apim:api_manage scope, the application may not be subscribed to the Insights API, or your Grafana role may not allow querying this data source. Response: The access token does not allow you to access the requested resource',
    },
  },
  {
    name: '404 HTML',
    targets: [kpi],
    faults: { ...api, status: 404, body: '<html><head><title>404 Not Found</title></head></html>' },
    expected: (e) => ({
      error: `The Insights API was not found (HTTP 404) at ${e.apiUrl}. Check "Insights API URL" in the data source's Advanced settings.`,
    }),
  },
  {
    name: '429 with Retry-After (read from nextAccessTime)',
    targets: [kpi],
    faults: { ...api, status: 429, retryAfterSeconds: 2 },
    expected: { error: 'The Insights API is rate limiting requests (HTTP 429). Retry after 2 s.' },
  },
  {
    name: '429 without Retry-After',
    targets: [kpi],
    faults: { ...api, status: 429 },
    expected: { error: 'The Insights API is rate limiting requests (HTTP 429). Try again later.' },
  },
  {
    name: '500',
    targets: [kpi],
    faults: { ...api, status: 500 },
    expected: { error: 'The Insights API failed (HTTP 500). Response: Runtime Error' },
  },
  {
    name: 'upstream 502 page',
    targets: [kpi],
    faults: { ...api, status: 502, body: html502 },
    expected: (e) => ({
      error: `A gateway in front of the Insights API at ${e.apiUrl} answered HTTP 502 Bad Gateway: the API is failing behind it. Try again later. Response: an HTML page titled "502 Bad Gateway"`,
    }),
  },
  {
    name: '503',
    targets: [kpi],
    faults: { ...api, status: 503 },
    expected: { error: 'The Insights API failed (HTTP 503). Response: an HTML page titled "503 Service Unavailable"' },
  },
  {
    name: 'upstream 504',
    targets: [kpi],
    faults: { ...api, status: 504 },
    expected: (e) => ({
      error: `The Insights API at ${e.apiUrl} did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later.`,
    }),
  },
  {
    name: 'proxy timeout (504)',
    stack: 'shortTimeout',
    targets: [kpi],
    faults: { ...api, latencyMs: 400 },
    expected: (e) => ({
      error: `The Insights API at ${e.apiUrl} did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later.`,
    }),
  },
  {
    name: 'unknown status 418',
    targets: [kpi],
    faults: { ...api, status: 418, body: "I'm a teapot", contentType: 'text/plain' },
    expected: { error: "The Insights API answered HTTP 418. Response: I'm a teapot" },
  },
  { name: 'unset secret', stack: 'noSecret', targets: [kpi], expected: { error: AUTH_FAILED_MESSAGE } },
  {
    name: 'GraphQL mode: errors with partial data',
    targets: [gql(TOP, '{"limit": 2}')],
    faults: { ...api, graphqlError: { message: 'Some shards failed', partialData: true } },
    expected: {
      rows: [2],
      notices: ['warning: Insights API returned part of the data with an error: Some shards failed'],
    },
  },
  {
    name: 'GraphQL mode: 500',
    targets: [gql(TOP, '{"limit": 2}')],
    faults: { ...api, status: 500 },
    expected: { error: 'The Insights API failed (HTTP 500). Response: Runtime Error' },
  },
];

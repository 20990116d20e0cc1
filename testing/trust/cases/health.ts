import type { TestDataSourceResponse } from '@grafana/data';

import { API_PATH, type Faults } from '../../../emulator/server';
import { AUTH_FAILED_MESSAGE } from '../../../src/client/httpErrors';
import type { ChoreoOptions } from '../../../src/options';

/** Where the endpoints of the running stack are, for messages that name them. */
export interface Endpoints {
  apiUrl: string;
  emulatorUrl: string;
}

/** Which stack a case needs: secrets and the proxy's timeout are fixed when it starts. */
export type StackKind = 'demo' | 'noSecret' | 'wrongSecret' | 'shortTimeout';

export interface HealthCase {
  name: string;
  stack?: StackKind;
  jsonData?: Partial<ChoreoOptions> | ((e: Endpoints) => Partial<ChoreoOptions>);
  /** Injected on the query API only, so the token exchange stays healthy. */
  faults?: Faults;
  expected: TestDataSourceResponse | ((e: Endpoints) => TestDataSourceResponse);
  /** Whether the browser may send anything (false: the settings are refused first). */
  sends?: boolean;
}

export const api: Pick<Faults, 'onlyPath'> = { onlyPath: API_PATH };
const error = (message: string): TestDataSourceResponse => ({ status: 'error', message });

export const HEALTH_CASES: HealthCase[] = [
  {
    name: 'whitespace-only organization UUID',
    jsonData: { orgUuid: '   ' },
    sends: false,
    expected: {
      status: 'error',
      message: 'Organization UUID is required.',
      details: { message: 'Organization UUID is required.' },
    },
  },
  {
    name: 'empty consumer key and handle',
    jsonData: { consumerKey: '', orgHandle: ' ' },
    sends: false,
    expected: {
      status: 'error',
      message: 'Consumer key is required. (and 1 more setting to fix)',
      details: { message: 'Consumer key is required.\nOrganization handle is required.' },
    },
  },
  {
    name: 'API URL with a query string',
    jsonData: (e) => ({ apiUrl: `${e.apiUrl}?debug=1` }),
    sends: false,
    expected: {
      status: 'error',
      message: 'Insights API URL must not include a query string or fragment.',
      details: { message: 'Insights API URL must not include a query string or fragment.' },
    },
  },
  { name: 'secret never saved (orEmpty sends "")', stack: 'noSecret', expected: error(AUTH_FAILED_MESSAGE) },
  { name: 'wrong secret', stack: 'wrongSecret', expected: error(AUTH_FAILED_MESSAGE) },
  {
    name: 'API URL path wrong (404)',
    jsonData: (e) => ({ apiUrl: `${e.emulatorUrl}/93tu/insights/9.9.9/query-api` }),
    expected: (e) =>
      error(
        `The Insights API was not found (HTTP 404) at ${e.emulatorUrl}/93tu/insights/9.9.9/query-api. Check "Insights API URL" in the data source's Advanced settings.`
      ),
  },
  {
    name: 'connection refused (502)',
    jsonData: { apiUrl: 'http://127.0.0.1:9/query-api' },
    expected: error(
      `Grafana could not reach the Insights API at http://127.0.0.1:9/query-api (HTTP 502 Bad Gateway). Check "Insights API URL" in the data source's Advanced settings and that Grafana's server can reach that host.`
    ),
  },
  {
    name: 'upstream timeout (504)',
    stack: 'shortTimeout',
    faults: { ...api, latencyMs: 400 },
    expected: (e) =>
      error(
        `The Insights API at ${e.apiUrl} did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later.`
      ),
  },
  {
    name: 'HTML page with 200',
    faults: { ...api, status: 200, body: '<!DOCTYPE html><html><head><title>Sign in</title></head></html>' },
    expected: (e) =>
      error(
        `The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (${e.apiUrl}): it must be the GraphQL endpoint.`
      ),
  },
  {
    name: 'GraphQL error without data',
    faults: { ...api, graphqlError: 'Backend unavailable' },
    expected: error('Insights API error: Backend unavailable'),
  },
  {
    name: 'GraphQL error with partial data',
    faults: { ...api, graphqlError: { message: 'Partial outage', partialData: true } },
    expected: error('Insights API error: Partial outage'),
  },
  { name: 'injected 401', faults: { ...api, status: 401 }, expected: error(AUTH_FAILED_MESSAGE) },
  {
    name: 'missing scope (403)',
    faults: {
      ...api,
      status: 403,
      body: JSON.stringify({
        code: '900910',
        message: 'The access token does not allow you to access the requested resource',
      }),
    },
    expected: error(
      'Access denied (HTTP 403). The token may lack the apim:api_manage scope, the application may not be subscribed to the Insights API, or your Grafana role may not allow querying this data source. Response: The access token does not allow you to access the requested resource'
    ),
  },
  {
    name: 'server error (500)',
    faults: { ...api, status: 500 },
    expected: error('The Insights API failed (HTTP 500). Response: Runtime Error'),
  },
  {
    name: 'default environment not in the organization',
    jsonData: { defaultEnvironmentId: 'env-nope' },
    expected: error(
      'Connected to organization 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42, but the default environment "env-nope" is not one of its environments (Development, Staging, Production).'
    ),
  },
];

import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { of, throwError } from 'rxjs';

import { InsightsClient } from './graphqlClient';

const endpoints = { apiUrl: 'https://api.example/query-api', tokenUrl: 'https://sts.example/token' };
let sent: BackendSrvRequest[];

function answer(reply: () => ReturnType<BackendSrv['fetch']>) {
  sent = [];
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      sent.push(req);
      return reply();
    },
  } as unknown as BackendSrv);
}

const ok = (data: string) => () => of({ data, status: 200, ok: true }) as unknown as ReturnType<BackendSrv['fetch']>;
const fail = (status: number, data: unknown) => () => throwError(() => ({ status, data, config: {} }));

const client = () => new InsightsClient('/api/datasources/proxy/uid/abc/', endpoints);
const run = () => client().execute({ query: '{ listOrganizations { id } }', operationName: 'Q' });

describe('InsightsClient', () => {
  it('POSTs {query, variables, operationName} to the insights route and nowhere else', async () => {
    answer(ok('{"data":{"listOrganizations":[]}}'));
    await client().execute({ query: 'query Q { x }', variables: { a: 1 }, operationName: 'Q' }, { requestId: 'A' });
    expect(sent).toEqual([
      expect.objectContaining({
        url: '/api/datasources/proxy/uid/abc/insights',
        method: 'POST',
        data: { query: 'query Q { x }', variables: { a: 1 }, operationName: 'Q' },
        requestId: 'A',
        showErrorAlert: false,
      }),
    ]);
  });

  it('returns data and keeps partial-data errors as warnings', async () => {
    answer(ok('{"data":{"a":1},"errors":[{"message":"boom","path":["b",0]}]}'));
    await expect(run()).resolves.toEqual({ data: { a: 1 }, errors: [{ message: 'boom', path: ['b', 0] }] });
  });

  it.each([
    [
      '{"data":null,"errors":[{"message":"Invalid granularity","path":["getErrorSummary"]}]}',
      'Insights API error: Invalid granularity (at getErrorSummary)',
    ],
    ['{"errors":[{"message":"a"},{"message":"b"}]}', 'Insights API error: a; b'],
    ['{}', 'The Insights API answered without data or errors.'],
    ['', 'The Insights API answered with an empty body. Check "Insights API URL" (https://api.example/query-api).'],
    [
      '<html><body>Login</body></html>',
      'The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (https://api.example/query-api): it must be the GraphQL endpoint.',
    ],
    ['{"data":{"a":', 'The Insights API answered with invalid JSON (13 bytes, possibly truncated).'],
    ['[1,2]', 'The Insights API answered with something that is not a GraphQL response.'],
    [
      'upstream connect error or disconnect/reset before headers',
      'The Insights API answered with text instead of JSON: "upstream connect error or disconnect/reset before headers". Check "Insights API URL" (https://api.example/query-api).',
    ],
  ])('body %j → %s', async (body, message) => {
    answer(ok(body));
    await expect(run()).rejects.toThrow(message);
  });

  it("maps Grafana's rewritten 401 to the credentials message", async () => {
    answer(fail(400, 'Authentication to data source failed'));
    await expect(run()).rejects.toMatchObject({ kind: 'auth', status: 400 });
  });

  it('maps a cancelled request to a cancellation, not a failure', async () => {
    answer(() => throwError(() => ({ status: -1, cancelled: true, data: null, config: {} })));
    await expect(run()).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('maps a network failure without status to an unreachable proxy', async () => {
    answer(() => throwError(() => new TypeError('Failed to fetch')));
    await expect(run()).rejects.toMatchObject({
      kind: 'unreachable',
      message: 'The request to the Insights API failed: Failed to fetch',
    });
  });
});

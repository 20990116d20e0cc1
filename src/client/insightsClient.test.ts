import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { defer, delay, lastValueFrom, Observable, of, throwError } from 'rxjs';

import { InsightsClient } from './insightsClient';

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
    await lastValueFrom(
      client().request({ query: 'query Q { x }', variables: { a: 1 }, operationName: 'Q' }, { requestId: 'A' })
    );
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

  it('shares one call between identical requests in flight', async () => {
    // Answered a moment later, as over a network.
    answer(() => ok('{"data":{"a":1}}')().pipe(delay(5)));
    const c = client();
    const req = { query: '{ a }', operationName: 'Q' };
    const [a, b] = await Promise.all([c.execute(req), c.execute(req)]);
    expect(a).toEqual({ data: { a: 1 }, errors: [] });
    expect(b).toBe(a);
    expect(sent).toHaveLength(1);
  });

  it('cancels the HTTP request when the last subscriber unsubscribes', async () => {
    let unsubscribed = 0;
    answer(
      () =>
        new Observable(() => () => {
          unsubscribed++;
        }) as ReturnType<BackendSrv['fetch']>
    );
    const sub = client().request({ query: '{ a }' }).subscribe();
    expect(sent).toHaveLength(1);
    sub.unsubscribe();
    // Released a task later, so a refresh's identical request can join the call instead.
    expect(unsubscribed).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(unsubscribed).toBe(1);
  });

  it('retries a throttled (429) answer after the policy delay, then succeeds', async () => {
    let calls = 0;
    // backend_srv's fetch is cold: each subscription (each retry) sends again.
    answer(() => defer(() => (++calls === 1 ? fail(429, '')() : ok('{"data":{"a":2}}')())));
    const waits: number[] = [];
    const c = new InsightsClient('/api/datasources/proxy/uid/abc/', endpoints, {
      maxRetries: 2,
      maxTotalWaitMs: 10_000,
      baseDelayMs: 1_000,
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(c.execute({ query: '{ a }' })).resolves.toEqual({ data: { a: 2 }, errors: [] });
    expect(calls).toBe(2);
    expect(waits).toEqual([1_000]);
  });
});

import { setBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { TestBackendSrv, type FetchedResponse, type FetchInit, type SentRequest } from '../../testing/fakes/backendSrv';
import { IN_FLIGHT_GRACE_MS, InsightsClient } from './insightsClient';

const endpoints = { apiUrl: 'https://api.example/query-api', tokenUrl: 'https://sts.example/token' };
const ROOT = 'http://grafana.test';
let srv: TestBackendSrv;
let sent: SentRequest[];

/** A response as the browser's fetch hands it over. */
function response(status: number, body: string, contentType = 'application/json'): FetchedResponse {
  return {
    status,
    statusText: status === 200 ? 'OK' : `HTTP ${status}`,
    ok: status >= 200 && status < 300,
    headers: new Headers({ 'content-type': contentType }),
    url: ROOT,
    redirected: false,
    type: 'basic',
    text: async () => body,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
  };
}

type Reply = (init: FetchInit) => Promise<FetchedResponse>;

/** Grafana's BackendSrv (the project's one fake of it), its network answering with `reply`. */
function answer(reply: Reply, options: { delayMs?: number } = {}) {
  srv = new TestBackendSrv({
    rootUrl: ROOT,
    browserHeaders: {},
    transport: async (_url, init) => {
      if (options.delayMs) {
        await new Promise((r) => setTimeout(r, options.delayMs));
      }
      return reply(init);
    },
  });
  sent = srv.requests;
  setBackendSrv(srv);
}

const ok =
  (body: string): Reply =>
  async () =>
    response(200, body);
const fail =
  (status: number, body: string): Reply =>
  async () =>
    response(status, body, 'text/plain');

const client = () => new InsightsClient('/api/datasources/proxy/uid/abc/', endpoints);
const run = () => client().execute({ query: '{ listOrganizations { id } }', operationName: 'Q' });

describe('InsightsClient', () => {
  it('POSTs {query, variables, operationName} to the insights route and nowhere else', async () => {
    answer(ok('{"data":{"listOrganizations":[]}}'));
    await lastValueFrom(
      client().request({ query: 'query Q { x }', variables: { a: 1 }, operationName: 'Q' }, { requestId: 'A' })
    );
    expect(sent.map((r) => [r.method, r.url, JSON.parse(r.body ?? ''), r.requestId])).toEqual([
      [
        'POST',
        `${ROOT}/api/datasources/proxy/uid/abc/insights`,
        { query: 'query Q { x }', variables: { a: 1 }, operationName: 'Q' },
        'A',
      ],
    ]);
    expect(sent[0].headers['content-type']).toBe('application/json');
    // Errors are the panel's to show, not a Grafana alert; the body is parsed by the client.
    expect(sent[0].config).toMatchObject({ showErrorAlert: false, responseType: 'text' });
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

  it('maps a cancelled request (a newer one with its requestId) to a cancellation, not a failure', async () => {
    answer(ok('{"data":{"a":1}}'), { delayMs: 50 });
    const pending = lastValueFrom(client().request({ query: '{ a }' }, { requestId: 'P1' }));
    await new Promise((r) => setTimeout(r, 5));
    srv.resolveCancelerIfExists('P1');
    await expect(pending).rejects.toMatchObject({
      kind: 'cancelled',
      message: 'The request was cancelled because a newer one replaced it.',
    });
  });

  it('maps a network failure without status to an unreachable proxy', async () => {
    answer(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(run()).rejects.toMatchObject({
      kind: 'unreachable',
      message: 'The request to the Insights API failed: Failed to fetch',
    });
  });

  it('shares one call between identical requests in flight', async () => {
    // Answered a moment later, as over a network.
    answer(ok('{"data":{"a":1}}'), { delayMs: 5 });
    const c = client();
    const req = { query: '{ a }', operationName: 'Q' };
    const [a, b] = await Promise.all([c.execute(req), c.execute(req)]);
    expect(a).toEqual({ data: { a: 1 }, errors: [] });
    expect(b).toBe(a);
    expect(sent).toHaveLength(1);
  });

  it('cancels the HTTP request when the last subscriber unsubscribes', async () => {
    let unsubscribed = 0;
    // An answer that never comes; the browser's fetch rejects when its signal aborts.
    answer(
      (init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => {
            unsubscribed++;
            reject(new DOMException('The user aborted a request.', 'AbortError'));
          })
        )
    );
    const sub = client().request({ query: '{ a }' }).subscribe();
    expect(sent).toHaveLength(1);
    sub.unsubscribe();
    // Released after a short grace, so a refresh's identical request can join the call instead.
    expect(unsubscribed).toBe(0);
    await new Promise((r) => setTimeout(r, IN_FLIGHT_GRACE_MS / 2));
    expect(unsubscribed).toBe(0);
    await new Promise((r) => setTimeout(r, IN_FLIGHT_GRACE_MS));
    expect(unsubscribed).toBe(1);
  });

  it('retries a throttled (429) answer after the policy delay, then succeeds', async () => {
    let calls = 0;
    // backend_srv's fetch is cold: each subscription (each retry) sends again.
    answer((init) => (++calls === 1 ? fail(429, '')(init) : ok('{"data":{"a":2}}')(init)));
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

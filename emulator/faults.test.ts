/** @jest-environment node */
import { Emulator, startEmulator } from './server';
import { NOW, PROD_FILTER, demoToken, gql } from './testUtils';

let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, now: () => NOW });
  token = await demoToken(emu);
});
afterEach(() => emu.clearFaults());
afterAll(() => emu.close());

const Q = '{ listOrganizations { handle } }';

async function raw() {
  const res = await fetch(emu.apiUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: Q }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('fault injection', () => {
  it('is off by default', async () => {
    expect((await raw()).status).toBe(200);
  });

  it('answers 429 with Retry-After and an APIM throttling body', async () => {
    emu.setFaults({ status: 429, retryAfterSeconds: 7 });
    const r = await raw();
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(JSON.parse(r.text)).toMatchObject({ code: '900800' });
  });

  it('answers 502 with an HTML page by default', async () => {
    emu.setFaults({ status: 502 });
    const r = await raw();
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toBe('text/html');
    expect(r.text).toContain('502 Bad Gateway');
  });

  it('serves truncated JSON and empty bodies', async () => {
    emu.setFaults({ status: 200, body: '{"data":{"listOrgan' });
    const truncated = await raw();
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.text)).toThrow();
    emu.setFaults({ status: 500, body: '' });
    const empty = await raw();
    expect(empty.status).toBe(500);
    expect(empty.text).toBe('');
  });

  it('adds GraphQL errors with or without partial data', async () => {
    emu.setFaults({ graphqlError: 'Upstream analytics store timed out' });
    const none = await gql(emu, token, Q);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({
      errors: [expect.objectContaining({ message: 'Upstream analytics store timed out' })],
      data: null,
    });
    emu.setFaults({ graphqlError: { message: 'partial', partialData: true } });
    const partial = await gql(emu, token, Q);
    expect(partial.body.data).toEqual({ listOrganizations: [{ handle: 'demo-org' }] });
    expect(partial.body.errors?.[0].message).toBe('partial');
  });

  it('adds latency', async () => {
    emu.setFaults({ latencyMs: 150 });
    const t = performance.now();
    expect((await raw()).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
  });

  it('fails a deterministic fraction of requests', async () => {
    const pattern = async () => {
      emu.setFaults({ status: 503, failureRate: 0.3, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        out.push((await raw()).status);
      }
      return out;
    };
    const a = await pattern();
    const b = await pattern();
    expect(a).toEqual(b);
    const failures = a.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(25);
  });

  it('can target one path only', async () => {
    emu.setFaults({ status: 500, onlyPath: '/oauth2/token' });
    expect((await raw()).status).toBe(200);
    const res = await fetch(emu.tokenUrl, { method: 'POST' });
    expect(res.status).toBe(500);
  });

  it('patches answers into wrong shapes, also under a batched alias', async () => {
    emu.setFaults({ patch: { listOrganizations: 'oops' } });
    expect((await gql(emu, token, Q)).body.data).toEqual({ listOrganizations: 'oops' });
    expect((await gql(emu, token, '{ t0_listOrganizations: listOrganizations { handle } }')).body.data).toEqual({
      t0_listOrganizations: 'oops',
    });
    emu.setFaults({ patch: { 'listOrganizations.0.handle': 42 } });
    const orgs = (await gql(emu, token, Q)).body.data?.listOrganizations as Array<{ handle: unknown }>;
    expect(orgs[0].handle).toBe(42);
  });

  it('serves one row per page while claiming a huge total', async () => {
    emu.setFaults({ maxPageSize: 1, claimTotal: 1e9 });
    const r = await gql(
      emu,
      token,
      'query($t: TimeFilter!, $d: DataFilter!) { getErrorsDetails(timeFilter: $t, dataFilter: $d, errorsDetailsFilter: { paginationFilter: { limit: 100 } }) { usage { count } pagination { total } } }',
      { t: { from: new Date(NOW - 86_400_000).toISOString(), to: new Date(NOW).toISOString() }, d: PROD_FILTER }
    );
    const page = r.body.data?.getErrorsDetails as { usage: unknown[]; pagination: { total: number } };
    expect(page.usage).toHaveLength(1);
    expect(page.pagination.total).toBe(1e9);
  });

  it('echoes the Authorization header in a 400 with no message', async () => {
    emu.setFaults({ echoAuthorization: true });
    const r = await raw();
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({ request: { headers: { authorization: `Bearer ${token}` } } });
  });

  it('counts the bytes of every answer', async () => {
    emu.resetStats();
    const r = await raw();
    expect(emu.stats.graphqlResponseBytes).toBe(Buffer.byteLength(r.text));
  });

  it('rejects unknown options', () => {
    expect(() => emu.setFaults({ statuz: 500 } as never)).toThrow(/Unknown fault option 'statuz'/);
  });
});

describe('control endpoints', () => {
  it('sets faults, reads stats and resets over HTTP', async () => {
    const set = await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ status: 418 }) });
    expect(set.status).toBe(200);
    expect((await raw()).status).toBe(418);
    const stats = await (await fetch(`${emu.url}/__emulator/stats`)).json();
    expect(stats.graphqlRequests).toBeGreaterThan(0);
    expect(stats.faultedResponses).toBe(1);
    const reset = await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
    expect((await reset.json()).stats).toEqual({
      tokenRequests: 0,
      tokensIssued: 0,
      graphqlRequests: 0,
      graphqlOperations: 0,
      rejectedAuth: 0,
      graphqlResponseBytes: 0,
      faultedResponses: 0,
    });
    expect((await raw()).status).toBe(200);
  });

  it('answers 400 to invalid fault JSON', async () => {
    const res = await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: '{"status": "x"}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/status must be a number/);
  });

  it('revokes every token', async () => {
    await fetch(`${emu.url}/__emulator/revoke-all`, { method: 'POST' });
    expect((await raw()).status).toBe(401);
    token = await demoToken(emu);
  });
});

/** @jest-environment node */
import { DEMO_CREDENTIALS, ENV_IDS, OTHER_ORG_CREDENTIALS, TENANT } from './demo';
import { Emulator, startEmulator } from './server';
import { NOW, PROD_FILTER, demoToken, gql } from './testUtils';

let clock = NOW;
let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, now: () => clock, tokenTtlSeconds: 60 });
  token = await demoToken(emu);
});
afterAll(() => emu.close());

const ORG_QUERY = '{ listOrganizations { id uuid handle name } }';

async function post(headers: Record<string, string>, body: string) {
  const res = await fetch(emu.apiUrl, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe('gateway authentication', () => {
  it('accepts a valid token and resolves the org', async () => {
    const r = await gql(emu, token, ORG_QUERY);
    expect(r.status).toBe(200);
    expect(r.body.data?.listOrganizations).toEqual([
      { id: '80214', uuid: DEMO_CREDENTIALS.orgUuid, handle: 'demo-org', name: 'Demo Org' },
    ]);
  });

  it.each([
    ['missing', {}, '900902'],
    ['malformed', { Authorization: 'Bearer' }, '900901'],
    ['non-bearer', { Authorization: 'Basic Zm9vOmJhcg==' }, '900901'],
    ['unknown', { Authorization: 'Bearer 0123456789abcdef' }, '900901'],
  ])('rejects a %s token with 401 and an APIM error body', async (_n, auth, code) => {
    emu.resetStats();
    const r = await post({ 'Content-Type': 'application/json', ...auth }, JSON.stringify({ query: ORG_QUERY }));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({ code, message: expect.any(String), description: expect.any(String) });
    expect(r.headers.get('www-authenticate')).toContain('invalid_token');
    expect(emu.stats).toMatchObject({ graphqlRequests: 1, rejectedAuth: 1, graphqlOperations: 0 });
  });

  it('rejects an expired token (injected clock, no sleeping)', async () => {
    const t = await demoToken(emu);
    clock = NOW + 59_000;
    expect((await gql(emu, t, ORG_QUERY)).status).toBe(200);
    clock = NOW + 60_000;
    const r = await gql(emu, t, ORG_QUERY);
    clock = NOW;
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: '900901', description: 'Access token expired' });
  });

  it('rejects a token after revokeAll()', async () => {
    const t = await demoToken(emu);
    emu.revokeAll();
    expect((await gql(emu, t, ORG_QUERY)).status).toBe(401);
    token = await demoToken(emu);
  });

  it('rejects a token without the apim:api_manage scope with 403', async () => {
    const t = emu.issueToken({ scopes: ['openid'] });
    const r = await gql(emu, t, ORG_QUERY);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: '900910' });
  });

  it("answers a GraphQL error (not an HTTP error) for another org's data", async () => {
    const other = await demoToken(emu, OTHER_ORG_CREDENTIALS);
    const r = await gql(emu, other, 'query($df: DataFilter!) { listAllAPI(dataFilter: $df) { id } }', {
      df: PROD_FILTER,
    });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].message).toBe(`Access denied for organization ${DEMO_CREDENTIALS.orgUuid}`);
    const own = await gql(emu, other, 'query($df: DataFilter!) { listAllAPI(dataFilter: $df) { id } }', {
      df: { orgId: OTHER_ORG_CREDENTIALS.orgUuid, tenant: TENANT },
    });
    expect(own.body).toEqual({ data: { listAllAPI: [] } });
  });

  it('checks the org of listEnvironments', async () => {
    const r = await gql(emu, token, '{ listEnvironments(org: {orgId: "demo-org"}) { id } }');
    expect(r.body.errors?.[0].message).toBe('Access denied for organization demo-org');
  });
});

describe('GraphQL over HTTP', () => {
  const auth = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

  it('answers 400 with a JSON error to malformed JSON', async () => {
    const r = await post(auth(), '{"query": ');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).errors[0].message).toMatch(/Malformed JSON/);
  });

  it('answers 400 when the query is missing', async () => {
    expect((await post(auth(), '{}')).status).toBe(400);
  });

  it('answers 200 with errors to validation failures', async () => {
    const r = await gql(emu, token, '{ noSuchField }');
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].message).toContain('Cannot query field "noSuchField"');
    expect(r.body.data).toBeUndefined();
  });

  it('answers 200 with errors to syntax errors', async () => {
    const r = await gql(emu, token, '{ listOrganizations { ');
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0].message).toMatch(/Syntax Error/);
  });

  it('resolves batched documents with aliases and counts each top-level field', async () => {
    emu.resetStats();
    const r = await gql(
      emu,
      token,
      `query($df: DataFilter!, $tf: TimeFilter!) {
        a: getTotalTraffic(filter: $tf, dataFilter: $df)
        b: getTotalTraffic(filter: $tf, dataFilter: $df)
        e: getTotalErrors(filter: $tf, dataFilter: $df)
        envs: listEnvironments(org: {orgId: "${DEMO_CREDENTIALS.orgUuid}"}) { name }
      }`,
      { df: PROD_FILTER, tf: { from: '2024-03-14T00:00:00Z', to: '2024-03-15T00:00:00Z' } }
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.a).toBe(r.body.data?.b);
    expect(r.body.data?.envs).toEqual([{ name: 'Development' }, { name: 'Staging' }, { name: 'Production' }]);
    expect(emu.stats).toMatchObject({ graphqlRequests: 1, graphqlOperations: 4 });
  });

  it('honours operationName', async () => {
    const r = await fetch(emu.apiUrl, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({
        query: 'query A { listTenants(tenantDataFilter: {orgId: "x"}) } query B { listOrganizations { handle } }',
        operationName: 'B',
      }),
    });
    expect(await r.json()).toEqual({ data: { listOrganizations: [{ handle: 'demo-org' }] } });
  });

  it('accepts any of an environment id forms and de-duplicates them', async () => {
    const q =
      'query($df: DataFilter!) { getTotalTraffic(filter: {from: "2024-03-14T00:00:00Z", to: "2024-03-15T00:00:00Z"}, dataFilter: $df) }';
    const byId = await gql(emu, token, q, { df: PROD_FILTER });
    const all = await gql(emu, token, q, {
      df: {
        orgId: DEMO_CREDENTIALS.orgUuid,
        tenant: TENANT,
        environmentIds: [ENV_IDS.production, '08d5f1c4-6bae-4ec0-bf9d-3c7b5e4a2f06', 'prod-internal', 'prod-sandbox'],
      },
    });
    expect(all.body.data?.getTotalTraffic).toBe(byId.body.data?.getTotalTraffic);
  });
});

/** @jest-environment node */
import { DEMO_CREDENTIALS, OTHER_ORG_CREDENTIALS } from './demo';
import { Emulator, startEmulator } from './server';
import { NOW, gql, postForm } from './testUtils';

const c = DEMO_CREDENTIALS;
const good = { grant_type: 'client_credentials', orgHandle: c.orgHandle, scope: 'apim:api_manage' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, now: () => NOW });
});
afterAll(() => emu.close());

describe('POST /oauth2/token', () => {
  it('issues a token for Basic client authentication', async () => {
    const res = await postForm(emu.tokenUrl, good, { Authorization: basic(c.consumerKey, c.consumerSecret) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'apim:api_manage',
    });
    expect(emu.issuedTokens()).toContain(body.access_token);
  });

  it('issues a token for client_secret_post (what Grafana tokenAuth sends)', async () => {
    const res = await postForm(emu.tokenUrl, { ...good, client_id: c.consumerKey, client_secret: c.consumerSecret });
    expect(res.status).toBe(200);
    const { access_token } = await res.json();
    expect(access_token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('counts token requests and issued tokens', async () => {
    emu.resetStats();
    await postForm(emu.tokenUrl, { ...good, client_id: c.consumerKey, client_secret: c.consumerSecret });
    await postForm(emu.tokenUrl, { ...good, client_id: c.consumerKey, client_secret: 'nope' });
    expect(emu.stats).toMatchObject({ tokenRequests: 2, tokensIssued: 1 });
  });

  const cases: Array<[string, Record<string, string>, Record<string, string>, number, string]> = [
    ['wrong secret', { ...good, client_id: c.consumerKey, client_secret: 'wrong' }, {}, 401, 'invalid_client'],
    ['unknown client', { ...good, client_id: 'nobody', client_secret: 'x' }, {}, 401, 'invalid_client'],
    ['no client credentials', good, {}, 401, 'invalid_client'],
    ['bad Basic secret', good, { Authorization: basic(c.consumerKey, 'wrong') }, 401, 'invalid_client'],
    [
      'two client auth methods',
      { ...good, client_id: c.consumerKey, client_secret: c.consumerSecret },
      { Authorization: basic(c.consumerKey, c.consumerSecret) },
      400,
      'invalid_request',
    ],
    [
      'missing grant_type',
      { orgHandle: c.orgHandle, scope: 'apim:api_manage', client_id: c.consumerKey, client_secret: c.consumerSecret },
      {},
      400,
      'invalid_request',
    ],
    [
      'password grant',
      { ...good, grant_type: 'password', client_id: c.consumerKey, client_secret: c.consumerSecret },
      {},
      400,
      'unsupported_grant_type',
    ],
    [
      'missing orgHandle',
      {
        grant_type: 'client_credentials',
        scope: 'apim:api_manage',
        client_id: c.consumerKey,
        client_secret: c.consumerSecret,
      },
      {},
      400,
      'invalid_request',
    ],
    [
      'unknown orgHandle',
      { ...good, orgHandle: 'no-such-org', client_id: c.consumerKey, client_secret: c.consumerSecret },
      {},
      401,
      'invalid_client',
    ],
    [
      "another org's handle",
      {
        ...good,
        orgHandle: OTHER_ORG_CREDENTIALS.orgHandle,
        client_id: c.consumerKey,
        client_secret: c.consumerSecret,
      },
      {},
      401,
      'invalid_client',
    ],
    [
      'missing scope',
      {
        grant_type: 'client_credentials',
        orgHandle: c.orgHandle,
        client_id: c.consumerKey,
        client_secret: c.consumerSecret,
      },
      {},
      400,
      'invalid_scope',
    ],
    [
      'scope without apim:api_manage',
      { ...good, scope: 'openid', client_id: c.consumerKey, client_secret: c.consumerSecret },
      {},
      400,
      'invalid_scope',
    ],
  ];
  it.each(cases)('rejects %s', async (_name, fields, headers, status, error) => {
    const res = await postForm(emu.tokenUrl, fields, headers);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe('string');
    if (status === 401) {
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  it('explains an unknown org handle', async () => {
    const res = await postForm(emu.tokenUrl, {
      ...good,
      orgHandle: 'no-such-org',
      client_id: c.consumerKey,
      client_secret: c.consumerSecret,
    });
    expect((await res.json()).error_description).toContain('no-such-org');
  });

  it('requires a form-encoded body', async () => {
    const res = await fetch(emu.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...good, client_id: c.consumerKey, client_secret: c.consumerSecret }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_request');
  });

  it('accepts a larger scope set and echoes it', async () => {
    const res = await postForm(emu.tokenUrl, {
      ...good,
      scope: 'openid apim:api_manage',
      client_id: c.consumerKey,
      client_secret: c.consumerSecret,
    });
    expect((await res.json()).scope).toBe('openid apim:api_manage');
  });

  it('answers 405 to GET', async () => {
    expect((await fetch(emu.tokenUrl)).status).toBe(405);
  });
});

describe('POST /oauth2/revoke', () => {
  const clientFields = { client_id: c.consumerKey, client_secret: c.consumerSecret };
  const listQuery = '{ listOrganizations { uuid } }';

  it('revokes a token so the gateway rejects it', async () => {
    const tokenRes = await postForm(emu.tokenUrl, { ...good, ...clientFields });
    const { access_token } = await tokenRes.json();
    expect((await gql(emu, access_token, listQuery)).status).toBe(200);
    const res = await postForm(emu.revokeUrl, {
      token: access_token,
      token_type_hint: 'access_token',
      ...clientFields,
    });
    expect(res.status).toBe(200);
    const after = await gql(emu, access_token, listQuery);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: '900901', message: 'Invalid Credentials' });
  });

  it('accepts Basic client authentication', async () => {
    const { access_token } = await (await postForm(emu.tokenUrl, { ...good, ...clientFields })).json();
    const res = await postForm(
      emu.revokeUrl,
      { token: access_token },
      { Authorization: basic(c.consumerKey, c.consumerSecret) }
    );
    expect(res.status).toBe(200);
    expect((await gql(emu, access_token, listQuery)).status).toBe(401);
  });

  it('answers 200 for unknown tokens (RFC 7009)', async () => {
    const res = await postForm(emu.revokeUrl, { token: 'not-a-token', ...clientFields });
    expect(res.status).toBe(200);
  });

  it("does not let a client revoke another client's token", async () => {
    const { access_token } = await (await postForm(emu.tokenUrl, { ...good, ...clientFields })).json();
    const other = { client_id: OTHER_ORG_CREDENTIALS.consumerKey, client_secret: OTHER_ORG_CREDENTIALS.consumerSecret };
    expect((await postForm(emu.revokeUrl, { token: access_token, ...other })).status).toBe(200);
    expect((await gql(emu, access_token, listQuery)).status).toBe(200);
  });

  it('requires client authentication and a token parameter', async () => {
    expect((await postForm(emu.revokeUrl, { token: 'x' })).status).toBe(401);
    const res = await postForm(emu.revokeUrl, clientFields);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_request');
  });
});

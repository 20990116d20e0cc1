/**
 * @jest-environment jsdom
 *
 * jsdom because installBackendSrv imports @grafana/runtime, whose @grafana/data import touches
 * `window`. Behaviours follow public/app/core/services/backend_srv.ts and core/utils/fetch.ts.
 */
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { nodeBackendSrv, type TestBackendSrv } from './backendSrv';
import { installBackendSrv } from './installBackendSrv';
import { GrafanaProxy, startGrafanaProxy } from './proxyServer';
import { RecordingServer, refusedUrl, startRecordingServer, tokenReply } from './testServers';

let upstream: RecordingServer;
let sts: RecordingServer;
let proxy: GrafanaProxy;
let srv: TestBackendSrv;

beforeAll(async () => {
  upstream = await startRecordingServer(() => ({ body: '{"data":{"ok":true}}' }));
  sts = await startRecordingServer(() => tokenReply({ access_token: 'tok', expires_in: 600 }));
  proxy = await startGrafanaProxy({
    pluginJson: {
      routes: [
        {
          path: 'q',
          method: 'POST',
          url: upstream.url,
          tokenAuth: { url: sts.url, params: { s: '{{ .SecureJsonData.secret }}' } },
        },
      ],
    },
    datasource: { id: 1, uid: 'uid1', jsonData: {}, secureJsonData: { secret: 'top-secret' } },
  });
});
afterAll(async () => {
  await Promise.all([proxy.close(), upstream.close(), sts.close()]);
});
beforeEach(() => {
  upstream.reply = () => ({ body: '{"data":{"ok":true}}' });
  srv = installBackendSrv(nodeBackendSrv({ rootUrl: proxy.url }));
});

const instancePath = () => proxy.instanceUrl.replace(proxy.url, '');

describe('TestBackendSrv (public/app/core/services/backend_srv.ts)', () => {
  it('is what getBackendSrv() returns after installBackendSrv (setBackendSrv)', () => {
    expect(getBackendSrv()).toBe(srv);
  });

  it('parses a JSON body and records the request it sent (getFromFetchStream, fetch.ts parseInitFromOptions)', async () => {
    const res = await lastValueFrom(
      srv.fetch<{ data: { ok: boolean } }>({ url: `${instancePath()}/q`, method: 'POST', data: { query: '{x}' } })
    );
    expect(res.data).toEqual({ data: { ok: true } });
    expect(res.status).toBe(200);
    expect(srv.requests).toEqual([
      expect.objectContaining({
        url: `${proxy.instanceUrl}/q`,
        method: 'POST',
        body: '{"query":"{x}"}',
        headers: expect.objectContaining({ 'content-type': 'application/json', 'x-grafana-org-id': '1' }),
      }),
    ]);
    expect(JSON.stringify(srv.requests)).not.toContain('top-secret');
  });

  it('returns a non-JSON body as text (fetch.ts parseResponseBody)', async () => {
    upstream.reply = () => ({ headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    await expect(srv.post(`${instancePath()}/q`, {})).resolves.toBe('hello');
  });

  it('throws a FetchError for non-2xx; a text body becomes {message, error, response} (processRequestError)', async () => {
    upstream.reply = () => ({ status: 401, body: '{"error":"expired"}' });
    const err: unknown = await lastValueFrom(srv.fetch({ url: `${instancePath()}/q`, method: 'POST', data: {} })).catch(
      (e: unknown) => e
    );
    expect(isFetchError(err)).toBe(true);
    expect(err).toMatchObject({
      status: 400,
      statusText: 'Bad Request',
      data: {
        message: 'Authentication to data source failed',
        error: 'Bad Request',
        response: 'Authentication to data source failed',
      },
    });
  });

  it('a network failure errors with the fetch TypeError, given data {message: "Unexpected error"} (processRequestError)', async () => {
    const down = nodeBackendSrv({ rootUrl: await refusedUrl() });
    const err: unknown = await down.get('api/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).toMatchObject({ message: 'Failed to fetch', data: { message: 'Unexpected error' } });
    expect(isFetchError(err)).toBe(false);
  });

  it('a newer request with the same requestId cancels the older one (handleStreamCancellation)', async () => {
    upstream.reply = () => ({ body: '{}', delayMs: 300 });
    const first = lastValueFrom(
      srv.fetch({ url: `${instancePath()}/q`, method: 'POST', data: {}, requestId: 'A' })
    ).catch((e: unknown) => e);
    const second = lastValueFrom(srv.fetch({ url: `${instancePath()}/q`, method: 'POST', data: {}, requestId: 'A' }));
    expect(await first).toMatchObject({ cancelled: true, status: -1, statusText: 'Request was aborted' });
    await expect(second).resolves.toMatchObject({ status: 200 });
  });

  it("moves a plugin's Authorization header to X-DS-Authorization (parseRequestOptions)", async () => {
    await srv.post(`${instancePath()}/q`, {}, { headers: { Authorization: 'Bearer from-plugin' } });
    expect(srv.requests[0].headers.authorization).toBeUndefined();
    expect(srv.requests[0].headers['x-ds-authorization']).toBe('Bearer from-plugin');
  });
});

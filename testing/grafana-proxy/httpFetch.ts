/**
 * The part of the browser's `fetch` that backend_srv.ts relies on, over node:http. Node 20's
 * global fetch would do, but jest's jsdom environment (which the plugin's DataSource needs,
 * since @grafana/data touches `window` on import) does not expose it; jsdom does provide Headers.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

import type { FetchedResponse, FetchInit, FetchTransport } from '../fakes/backendSrv';

export type { FetchedResponse, FetchInit } from '../fakes/backendSrv';

/** What Chrome's fetch rejects with on a network failure. */
export function networkError(cause: unknown): TypeError {
  const err = new TypeError('Failed to fetch');
  (err as TypeError & { cause?: unknown }).cause = cause;
  return err;
}

export const httpFetch: FetchTransport = (url: string, init: FetchInit): Promise<FetchedResponse> => {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if ((init.method === 'GET' || init.method === 'HEAD') && init.body !== undefined) {
      reject(new TypeError('Failed to execute fetch: Request with GET/HEAD method cannot have body.'));
      return;
    }
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(target, { method: init.method, agent: false });
    for (const [name, value] of init.headers) {
      req.setHeader(name, value);
    }
    const onAbort = () => {
      req.destroy();
      reject(new DOMException('The user aborted a request.', 'AbortError'));
    };
    if (init.signal?.aborted) {
      onAbort();
      return;
    }
    init.signal?.addEventListener('abort', onAbort);
    req.on('error', (err) => reject(networkError(err)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => reject(networkError(err)));
      res.on('end', () => {
        init.signal?.removeEventListener('abort', onAbort);
        const body = decode(Buffer.concat(chunks), res.headers['content-encoding']);
        const headers = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        }
        const status = res.statusCode ?? 0;
        resolve({
          status,
          statusText: res.statusMessage ?? '',
          ok: status >= 200 && status < 300,
          headers,
          url,
          redirected: false,
          type: 'basic',
          text: async () => body.toString('utf8'),
          arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
        });
      });
    });
    req.end(init.body);
  });
};

/** Browsers undo Content-Encoding transparently. */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

/**
 * A minimal buffered HTTP client over node:http/https, used for the proxy's outgoing requests
 * (upstream and token endpoint) so that we control the exact headers sent, as Go's net/http does,
 * and can tell a timeout (Grafana: 504) from other transport errors (502).
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  timeoutMs: number;
  /** Go's Transport transparently un-gzips when it added `Accept-Encoding: gzip` itself. */
  decodeGzip?: boolean;
  signal?: AbortSignal;
}

export interface IncomingResult {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network' | 'canceled'
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export function sendRequest(req: OutgoingRequest): Promise<IncomingResult> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      reject(new TransportError(`unsupported protocol scheme in ${JSON.stringify(req.url)}`, 'network'));
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new TransportError(`unsupported protocol scheme ${JSON.stringify(url.protocol)}`, 'network'));
      return;
    }
    if (url.hostname === '') {
      reject(new TransportError('http: no Host in request URL', 'network'));
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const outgoing = lib.request(url, { method: req.method, agent: false });
    // Header names are sent as given (Go canonicalizes; both are case-insensitive on the wire).
    for (const [name, value] of req.headers) {
      outgoing.setHeader(name, value);
    }
    let settled = false;
    const fail = (err: TransportError) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        outgoing.destroy();
        reject(err);
      }
    };
    const timer = setTimeout(
      () => fail(new TransportError(`request to ${req.url} timed out after ${req.timeoutMs} ms`, 'timeout')),
      req.timeoutMs
    );
    req.signal?.addEventListener('abort', () => fail(new TransportError('context canceled', 'canceled')));
    outgoing.on('error', (err) => fail(new TransportError(err.message, 'network')));
    outgoing.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => fail(new TransportError(err.message, 'network')));
      res.on('end', () => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        let body = Buffer.concat(chunks);
        const headers = { ...res.headers };
        if (req.decodeGzip && headers['content-encoding'] === 'gzip') {
          body = zlib.gunzipSync(body);
          delete headers['content-encoding'];
          delete headers['content-length'];
        }
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers,
          rawHeaders: res.rawHeaders,
          body,
        });
      });
    });
    outgoing.end(req.body);
  });
}

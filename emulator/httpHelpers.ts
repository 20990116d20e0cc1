import { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';

/** Small helpers over Node's http module (the emulator deliberately has no web framework). */

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`Request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Browser sandboxes call the emulator directly, so every answer allows cross-origin use. */
export const CORS_HEADERS: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
};

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string | null,
  headers: OutgoingHttpHeaders = {}
): void {
  const h: OutgoingHttpHeaders = { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers };
  if (contentType) {
    h['Content-Type'] = contentType;
  }
  h['Content-Length'] = Buffer.byteLength(body);
  res.writeHead(status, h);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, JSON.stringify(value), 'application/json', headers);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Tiny recording HTTP servers on 127.0.0.1 for the specs: an upstream API and a token endpoint.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** delay before answering, to provoke timeouts */
  delayMs?: number;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  reply: (req: RecordedRequest) => Reply;
  close(): Promise<void>;
}

export async function startRecordingServer(reply: (req: RecordedRequest) => Reply): Promise<RecordingServer> {
  const state: RecordingServer = {
    url: '',
    requests: [],
    reply,
    close: () => Promise.resolve(),
  };
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      state.requests.push(recorded);
      const r = state.reply(recorded);
      const send = () => {
        if (!res.destroyed) {
          res.writeHead(r.status ?? 200, r.headers ?? { 'Content-Type': 'application/json' });
          res.end(r.body ?? '{}');
        }
      };
      if (r.delayMs) {
        const t = setTimeout(send, r.delayMs);
        timers.add(t);
      } else {
        send();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** A port that refuses connections: bind, note the port, close. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function tokenReply(body: Record<string, unknown>): Reply {
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

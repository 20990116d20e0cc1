/**
 * The sandbox's HTTP server, on 127.0.0.1 only. It plays Grafana's part for the page:
 * - serves the built page (sandbox/dist) and @grafana/ui's icons at /public/build/img/icons/;
 * - forwards /api/datasources/proxy/... to the Grafana-faithful proxy, so the plugin calls the
 *   same same-origin path it calls inside Grafana;
 * - /__sandbox/datasource saves settings to that proxy: the secret reaches the server side
 *   only, as with Grafana's PUT /api/datasources/uid/:uid;
 * - /__sandbox/info, /__sandbox/stats and /__sandbox/events for the page and the tests.
 *
 * A plain server over a one-shot (or watching) webpack build rather than webpack-dev-server:
 * the proxying and the save endpoint are a few lines here, the tests get a server that starts
 * in one process on a random port, and there is no dev-server middleware between the page and
 * the Grafana-faithful proxy that could rewrite headers or bodies.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { Emulator } from '../emulator/server';
import type { GrafanaProxy } from '../testing/grafana-proxy';
import { SANDBOX_DIST } from './webpack.config';

const ICONS_DIR = path.resolve(path.dirname(require.resolve('@grafana/ui/package.json')), 'dist/public/img/icons');
const ICONS_PREFIX = '/public/build/img/icons/';
const FONTS_PREFIX = '/public/fonts/';

// Grafana's GlobalStyles load its fonts from public/fonts/, which no npm package ships; the
// @fontsource packages hold the same faces (latin subset) under other names.
const FONTS: Record<string, string> = {
  'inter/Inter-Regular.woff2': '@fontsource/inter/files/inter-latin-400-normal.woff2',
  'inter/Inter-Medium.woff2': '@fontsource/inter/files/inter-latin-500-normal.woff2',
  'inter/Inter-Italic.woff2': '@fontsource/inter/files/inter-latin-400-italic.woff2',
  'inter/Inter-MediumItalic.woff2': '@fontsource/inter/files/inter-latin-500-italic.woff2',
  'roboto/L0xTDF4xlVMF-BfR8bXMIhJHg45mwgGEFl0_3vrtSM1J-gEPT5Ese6hmHSh0mQ.woff2':
    '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2',
};
const PROXY_PREFIX = '/api/datasources/proxy/';
const MAX_BODY_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface DemoConfig {
  consumerKey: string;
  consumerSecret: string;
  orgHandle: string;
  orgUuid: string;
}

export interface PageServerOptions {
  port: number;
  emulator: Emulator;
  proxy: GrafanaProxy;
  demo: DemoConfig;
  /** Whether a watcher will announce rebuilds (otherwise /__sandbox/events answers 204). */
  liveReload: boolean;
}

export interface PageServer {
  url: string;
  /** Tells open pages to reload (after a rebuild). */
  notifyRebuilt(): void;
  close(): Promise<void>;
}

export async function startPageServer(opts: PageServerOptions): Promise<PageServer> {
  const listeners = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    route(req, res, opts, listeners).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end(`sandbox error: ${message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notifyRebuilt() {
      for (const res of listeners) {
        res.write('event: rebuilt\ndata: {}\n\n');
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        listeners.forEach((res) => res.end());
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function route(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: PageServerOptions,
  listeners: Set<http.ServerResponse>
): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://sandbox').pathname;
  if (pathname.startsWith(PROXY_PREFIX)) {
    forward(req, res, opts.proxy.url);
    return;
  }
  switch (`${req.method} ${pathname}`) {
    case 'GET /__sandbox/info':
      sendJson(res, 200, info(opts));
      return;
    case 'PUT /__sandbox/datasource':
      await save(req, opts.proxy);
      sendJson(res, 200, info(opts));
      return;
    case 'GET /__sandbox/stats':
      sendJson(res, 200, stats(opts));
      return;
    case 'POST /__sandbox/stats/reset':
      opts.proxy.resetStats();
      opts.emulator.resetStats();
      sendJson(res, 200, stats(opts));
      return;
    case 'GET /__sandbox/events':
      if (!opts.liveReload) {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { message: 'Method not allowed' });
    return;
  }
  if (pathname === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (pathname.startsWith(ICONS_PREFIX)) {
    const icon = pathname.slice(ICONS_PREFIX.length);
    // Grafana serves its loading spinner from its own public/ folder, not from @grafana/ui;
    // the sync arrows stand in (Icon spins it either way).
    serveFile(res, ICONS_DIR, icon === 'unicons/spinner.svg' ? 'unicons/sync.svg' : icon);
    return;
  }
  if (pathname.startsWith(FONTS_PREFIX)) {
    const font = FONTS[pathname.slice(FONTS_PREFIX.length)];
    if (font) {
      const file = require.resolve(font);
      serveFile(res, path.dirname(file), path.basename(file));
      return;
    }
  }
  serveFile(res, SANDBOX_DIST, pathname === '/' ? 'index.html' : pathname.slice(1));
}

function info(opts: PageServerOptions) {
  const ds = opts.proxy.datasource;
  return {
    uid: ds.uid,
    // Relative, like Grafana's instanceSettings.url: the page calls its own origin.
    instanceUrl: `${PROXY_PREFIX}uid/${ds.uid}`,
    emulator: { url: opts.emulator.url, tokenUrl: opts.emulator.tokenUrl, apiUrl: opts.emulator.apiUrl },
    demo: opts.demo,
    saved: {
      jsonData: ds.jsonData,
      secureJsonFields: Object.fromEntries(Object.entries(ds.secureJsonData).map(([k, v]) => [k, Boolean(v)])),
    },
  };
}

function stats(opts: PageServerOptions) {
  const p = opts.proxy.stats;
  return {
    proxy: {
      proxiedRequests: p.proxiedRequests,
      unmatchedRequests: p.unmatchedRequests,
      tokenRequests: p.tokenRequests,
      upstreamRequests: p.upstreamRequests.length,
    },
    emulator: { ...opts.emulator.stats },
  };
}

/** Grafana's update semantics: new secret values replace, '' removes, absent keys stay. */
async function save(req: http.IncomingMessage, proxy: GrafanaProxy): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as {
    jsonData?: Record<string, unknown>;
    secureJsonData?: Record<string, unknown>;
  };
  const secure = { ...proxy.datasource.secureJsonData };
  for (const [key, value] of Object.entries(body.secureJsonData ?? {})) {
    if (typeof value === 'string' && value !== '') {
      secure[key] = value;
    } else {
      delete secure[key];
    }
  }
  proxy.updateDatasource({ jsonData: body.jsonData ?? {}, secureJsonData: secure });
}

function forward(req: http.IncomingMessage, res: http.ServerResponse, target: string): void {
  const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502);
    }
    res.end();
  });
  req.pipe(upstream);
}

function serveFile(res: http.ServerResponse, root: string, relative: string): void {
  const file = path.resolve(root, decodeURIComponent(relative));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    sendJson(res, 404, { message: 'Not found' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

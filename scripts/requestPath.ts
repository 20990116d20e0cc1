/**
 * How far one API-usage target travels: the plugin's stack frames and files between
 * `DataSource.query` and `backendSrv.fetch`, captured at the fetch (async frames included).
 *   npx tsx scripts/requestPath.ts
 */
import '../testing/node/withDom';

import { dateTime } from '@grafana/data';
import { setBackendSrv, setTemplateSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { Session } from 'node:inspector';
import path from 'node:path';
import { from, isObservable, lastValueFrom, of, type Observable } from 'rxjs';

import { DataSource } from '../src/datasource';
import { TemplateSrvFake } from '../testing/fakes/templateSrv';

Error.stackTraceLimit = Infinity;
const SRC = path.join(__dirname, '..', 'src') + path.sep;

let stack = '';
/** Plugin files whose functions ran between query() and the fetch (V8's precise coverage). */
let filesRun: string[] = [];
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));

interface Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

// esbuild's export getters (`get X()`) run on every import access: not the file's own code.
const GETTER = /^(get )?[A-Za-z_$][\w$]*$/;

function ranFiles(c: Coverage): string[] {
  return c.result
    .filter((s) => s.url.includes(SRC.replace(/\\/g, '/')))
    .map((s) => ({
      file: s.url.replace(/^file:\/\//, '').replace(SRC, 'src/'),
      ran: s.functions.filter((f) => f.functionName && f.ranges[0].count > 0 && !(f.functionName === 'get' || /^get /.test(f.functionName))).map((f) => f.functionName),
    }))
    .filter((x) => x.ran.length && !(x.ran.length === x.ran.filter((n) => GETTER.test(n) && n === '__export').length))
    .map((x) => `${x.file} (${x.ran.join(', ')})`)
    .sort();
}
const backendSrv = {
  fetch(options: BackendSrvRequest): Observable<unknown> {
    const body = options.data as { query: string };
    if (/getAPIUsageOverTime/.test(body.query) && !stack) {
      stack = new Error('fetch').stack ?? '';
      session.post('Profiler.takePreciseCoverage', (e, r) => {
        if (!e) {
          filesRun = ranFiles(r as unknown as Coverage);
        }
      });
    }
    const data = /listAllAPI/.test(body.query) ? { listAllAPI: [] } : { getAPIUsageOverTime: [] };
    const answer = Object.fromEntries(
      Object.keys(data).length && /t\d+_/.test(body.query)
        ? [...body.query.matchAll(/(t\d+_\w+):/g)].map((m) => [m[1], /listAllAPI/.test(m[1]) ? [] : []])
        : Object.entries(data)
    );
    return of({ data: JSON.stringify({ data: answer }), status: 200, ok: true, headers: new Headers(), config: options });
  },
} as unknown as BackendSrv;

async function main() {
  setBackendSrv(backendSrv);
  setTemplateSrv(new TemplateSrvFake());
  const ds = new DataSource({
    id: 1,
    uid: 'x',
    type: 'choreo-insights-datasource',
    name: 'x',
    access: 'proxy',
    url: '/api/datasources/proxy/uid/x',
    jsonData: { orgUuid: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42', defaultEnvironmentId: 'env', coalesceRequests: process.argv.includes('--coalesce') },
    readOnly: false,
    meta: {} as never,
  } as never);
  const range = { from: dateTime(0), to: dateTime(3_600_000), raw: { from: 'a', to: 'b' } };
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  // Counts so far (module loading, the constructor) are reset: what follows is the query alone.
  await post('Profiler.takePreciseCoverage');
  const result = ds.query({
    requestId: 'Q1',
    interval: '1m',
    intervalMs: 60_000,
    maxDataPoints: 100,
    range,
    scopedVars: {},
    targets: [{ refId: 'A', queryType: 'apiUsage' }],
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  } as never) as unknown;
  await lastValueFrom(isObservable(result) ? result : from(result as Promise<unknown>));
  const all = stack
    .split('\n')
    .slice(1)
    .map((l) => l.trim());
  const frames = all.filter((l) => l.includes(SRC));
  const files = [...new Set(frames.map((l) => /\((.*?):\d+:\d+\)$|at (.*?):\d+:\d+$/.exec(l)).map((m) => (m?.[1] ?? m?.[2] ?? '').replace(SRC, 'src/')))];
  console.log(frames.map((f) => f.replace(SRC, 'src/')).join('\n'));
  await new Promise((r) => setTimeout(r, 50));
  console.log(`\nfiles whose functions ran from query() to the fetch (${filesRun.length}):\n${filesRun.join('\n')}`);
  console.log(`\n${all.length} stack frames in all (${all.length - frames.length} in libraries), ${frames.length} in src/, ${files.length} files:\n${files.join('\n')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

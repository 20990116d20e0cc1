/**
 * `npm run bench` (tsx --expose-gc bench/run.ts): builds the plugin (npm run build, timed), then
 * frame building, requests and time per dashboard refresh, bundle size, and the plugin-side time
 * of every provisioned panel in the browser runner and in the Go backend (through Grafana's
 * plugin protocol, with the backend's memory). Prints tables and writes bench/results.json.
 * Timings are medians; run on an idle machine.
 *
 *   --only frames   just the frame-building table (no build, no emulator, results.json untouched)
 *   --no-build      skip the build (dist/ must hold a current one)
 *   --quick         frame building up to 100k points only
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { installDom } from '../testing/ship/lib/domShim';
import type { DashboardCase } from './dashboards';

const ROOT = path.join(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const BUILD = !process.argv.includes('--no-build');
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
/** Bound of the backend bench (go test), which builds nothing when the build cache is warm. */
const GO_TIMEOUT_MS = 240_000;
const log = (s: string) => process.stderr.write(`${s}\n`);

function table(rows: Array<Record<string, unknown>>): string {
  if (!rows.length) {
    return '(none)';
  }
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i])).join('  ');
  return [
    line(cols),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

/** a ÷ b, or "-" when there is nothing to divide by. */
function ratio(a: number, b: number): number | string {
  return b > 0 ? a / b : '-';
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeout = GO_TIMEOUT_MS): void {
  const r = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
    timeout,
  });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}`);
  }
}

interface BackendBench {
  runs: number;
  measure: string;
  panels: Array<{ dashboard: string; panel: string; queries: number; pluginMs: number; grpcMs: number }>;
  rss: { startKB: number; peakKB: number; steadyKB: number };
}

async function main(): Promise<void> {
  const started = Date.now();
  let buildSeconds: number | undefined;
  if (ONLY === undefined && BUILD) {
    log('npm run build...');
    run('npm', ['run', 'build', '--silent']);
    buildSeconds = (Date.now() - started) / 1000;
  }
  installDom();
  // Loaded after the DOM exists: @grafana/data and @grafana/runtime read window at import.
  const { benchFrames } = await import('./frames');
  const { benchDashboards, BENCH_NOW, LATE_DATA_MINUTES } = await import('./dashboards');
  const { benchPerQuery, benchPanelCases, typicalPanel } = await import('./perQuery');
  const { bundleReport } = await import('./bundle');
  const { startStack } = await import('../testing/stack/startStack');
  const { ENV_IDS } = await import('../emulator/demo');
  const { panelFrames } = await import('../scripts/panelFrames');
  const { binaryName } = await import('../scripts/buildBackend');

  log('frame building...');
  const frames = await benchFrames(
    QUICK
      ? [
          [10, 1000],
          [100, 1000],
        ]
      : [
          [10, 1000],
          [100, 1000],
          [1000, 1000],
        ],
    log
  );

  if (ONLY === 'frames') {
    console.log(table(frames.map((f) => ({ ...f }))));
    return;
  }
  if (ONLY !== undefined) {
    throw new Error(`--only ${ONLY}: only "frames" can run alone`);
  }

  log('dashboards...');
  let now = BENCH_NOW;
  const clocked = await startStack({ now: () => now, jsonData: { defaultEnvironmentId: ENV_IDS.production } });
  let dashboards;
  try {
    dashboards = await benchDashboards(clocked, (ms) => (now = ms), log);
  } finally {
    await clocked.close();
  }

  log('panels (browser runner)...');
  const cases = await panelFrames();
  const stack = await startStack({ jsonData: { defaultEnvironmentId: ENV_IDS.production } });
  let perQuery;
  let browserPanels;
  try {
    perQuery = await benchPerQuery(
      stack,
      'overview: KPI, request summary, usage per API, errors by category',
      typicalPanel()
    );
    browserPanels = await benchPanelCases(stack, cases.panels);
  } finally {
    await stack.close();
  }

  log('panels (Go backend through the plugin protocol)...');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-bench-'));
  let backend: BackendBench;
  try {
    const panelsFile = path.join(tmp, 'panels.json');
    const outFile = path.join(tmp, 'backend.json');
    fs.writeFileSync(panelsFile, JSON.stringify(cases));
    const plugin = path.join(ROOT, 'dist', binaryName({ os: goOs(), arch: goArch() }));
    run('go', ['test', './pkg', '-run', '^TestBenchPluginHost$', '-count=1'], {
      BENCH_OUT: outFile,
      BENCH_PANELS: panelsFile,
      // What npm run build put in dist/ (the shipped binary); without a build the test builds one.
      ...(fs.existsSync(plugin) ? { BENCH_PLUGIN: plugin } : {}),
    });
    backend = JSON.parse(fs.readFileSync(outFile, 'utf8')) as BackendBench;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const bundle = bundleReport(path.join(ROOT, 'dist'));

  const panels = browserPanels.map((b, i) => {
    const g = backend.panels[i];
    if (!g || g.panel !== b.panel) {
      throw new Error(`backend bench panel ${i} is ${g?.panel}, the browser's ${b.panel}`);
    }
    return {
      dashboard: b.dashboard,
      panel: b.panel,
      queries: g.queries,
      backendMs: g.pluginMs,
      backendGrpcMs: g.grpcMs,
      browserWithNetworkMs: b.withNetworkMs,
      browserPluginMs: b.pluginMs,
    };
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const at1M = frames.find((f) => f.points === 1_000_000)?.conversionOverParse;
  const allCorrect = dashboards.every((d) => d.warmEqualsFull.on && d.warmEqualsFull.off);
  const seconds = (Date.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    frames,
    dashboards,
    dashboardSetup: { now: new Date(BENCH_NOW).toISOString(), lateDataMinutes: LATE_DATA_MINUTES, latencyMs: 300 },
    perQuery,
    panels,
    backend: { runs: backend.runs, measure: backend.measure, rss: backend.rss },
    bundle,
    targets: {
      conversionOverParseAt1M: { target: 0.25, measured: at1M, met: at1M !== undefined && at1M <= 0.25 },
      naiveOverConversionMin: { target: 5, measured: Math.min(...frames.map((f) => f.naiveOverConversion)) },
      moduleGzipKB: { target: 150, measured: 'moduleGzipKB' in bundle ? bundle.moduleGzipKB : undefined },
      warmFramesEqualFullFetch: { target: true, measured: allCorrect },
      benchSeconds: { target: 300, measured: seconds, note: 'npm run build included; npm and tsx start-up not' },
    },
    buildSeconds,
    seconds,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    '\n(1) Frame building, median ms (conversion excludes JSON.parse; naive = min of toDataFrame, MutableDataFrame)'
  );
  console.log(table(frames.map((f) => ({ ...f }))));

  const label = (d: DashboardCase) => (d.only ? `${d.dashboard} (time series)` : d.dashboard);
  console.log(
    `\n(2) HTTP requests and response KB per dashboard refresh, counted at the emulator. cold: a new instance opens the` +
      `\n    dashboard (vars: its template variables, then every panel at once); warm: the same instance, range moved` +
      `\n    by one minute. Panel requests and bytes only (vars apart). on: request coalescing + incremental refresh` +
      `\n    (defaults); off: coalesceRequests false, incrementalOverlapMinutes 0. warm = full: the warm frames equal a new` +
      `\n    instance's full fetch of that range (late data ${LATE_DATA_MINUTES} min). (time series): only its time series panels.`
  );
  console.log(
    table(
      dashboards.map((d) => ({
        dashboard: label(d),
        range: d.range,
        panels: d.panels,
        'vars req on/off': `${d.cold.on.variableRequests}/${d.cold.off.variableRequests}`,
        'cold req on': d.cold.on.requests,
        'cold req off': d.cold.off.requests,
        'warm req on': d.warm.on.requests,
        'warm req off': d.warm.off.requests,
        'warm = full (on/off)': `${d.warmEqualsFull.on ? 'yes' : 'NO'}/${d.warmEqualsFull.off ? 'yes' : 'NO'}`,
        failed: d.cold.on.failedPanels + d.cold.off.failedPanels + d.warm.on.failedPanels + d.warm.off.failedPanels,
      }))
    )
  );
  const saved = dashboards.filter((d) => !d.only && d.savedRange);
  const sum = (f: (d: DashboardCase) => number) => saved.reduce((n, d) => n + f(d), 0);
  console.log(
    `  cold refresh of the ${saved.length} dashboards (saved ranges): ${sum((d) => d.cold.on.requests)} panel requests on, ` +
      `${sum((d) => d.cold.off.requests)} off; variables ${sum((d) => d.cold.on.variableRequests)} on, ` +
      `${sum((d) => d.cold.off.variableRequests)} off`
  );
  console.log('');
  console.log(
    table(
      dashboards.map((d) => ({
        dashboard: label(d),
        range: d.range,
        'cold KB on': kb(d.cold.on.bytes),
        'cold KB off': kb(d.cold.off.bytes),
        'warm KB on': kb(d.warm.on.bytes),
        'warm KB off': kb(d.warm.off.bytes),
        'warm on÷off': ratio(d.warm.on.bytes, d.warm.off.bytes),
        'warm on÷cold': ratio(d.warm.on.bytes, d.cold.on.bytes),
      }))
    )
  );
  for (const d of dashboards.filter((x) => x.difference)) {
    console.log(`  ${d.dashboard} ${d.range}: warm frames differ from a full fetch at ${d.difference}`);
  }

  console.log('\n(3) Time until every panel has data, ms, emulator latency 300 ms on every request');
  console.log(
    table(
      dashboards.map((d) => ({
        dashboard: label(d),
        range: d.range,
        'cold ms on': Math.round(d.coldMs.on),
        'cold ms off': Math.round(d.coldMs.off),
        'cold on÷off': ratio(d.coldMs.on, d.coldMs.off),
        'warm ms on': Math.round(d.warmMs.on),
        'warm ms off': Math.round(d.warmMs.off),
        'warm on÷off': ratio(d.warmMs.on, d.warmMs.off),
      }))
    )
  );

  console.log('\n(4) Bundle');
  if ('error' in bundle) {
    console.log(bundle.error);
  } else {
    console.log(`module.js ${bundle.moduleRawKB} KB raw, ${bundle.moduleGzipKB} KB gzip (target <= 150 KB gzip)`);
    console.log(table(bundle.chunks.map((c) => ({ ...c, has: c.has.join('; ') || '-' }))));
    console.log(table(Object.entries(bundle.heavy).map(([part, where]) => ({ part, where }))));
  }

  console.log(
    `\n(5) Plugin-side time per panel, median ms. backend: QueryData in the Go plugin process over Grafana's plugin` +
      `\n    protocol (${backend.runs} runs; the SDK's "Plugin Request Completed" duration, its emulator requests included;` +
      `\n    gRPC: around the call). browser: DataSource.query through proxy and emulator, and with the answers replayed` +
      `\n    (network excluded). Coalescing and incremental refresh off in the browser, which the backend does not have.`
  );
  console.log(
    table([
      ...panels.map((p) => ({
        dashboard: p.dashboard,
        panel: p.panel,
        queries: p.queries,
        'backend ms': p.backendMs,
        'backend gRPC ms': p.backendGrpcMs,
        'browser ms': p.browserWithNetworkMs,
        'browser ms no network': p.browserPluginMs,
        'backend÷browser': ratio(p.backendMs, p.browserWithNetworkMs),
      })),
      {
        dashboard: 'median',
        panel: '',
        queries: '',
        'backend ms': median(panels.map((p) => p.backendMs)),
        'backend gRPC ms': median(panels.map((p) => p.backendGrpcMs)),
        'browser ms': median(panels.map((p) => p.browserWithNetworkMs)),
        'browser ms no network': median(panels.map((p) => p.browserPluginMs)),
        'backend÷browser': median(panels.map((p) => p.backendMs / p.browserWithNetworkMs)),
      },
    ])
  );
  const mb = (k: number) => (k / 1024).toFixed(1);
  console.log(
    `backend process RSS: ${mb(backend.rss.startKB)} MB after the first round, peak ${mb(backend.rss.peakKB)} MB (VmHWM),` +
      ` steady ${mb(backend.rss.steadyKB)} MB (VmRSS 1 s after the last run)`
  );
  console.log(`typical panel (${perQuery.panel}): browser ${perQuery.pluginMs.toFixed(2)} ms without network`);

  console.log(
    `\nconversion ÷ JSON.parse at 1M: ${at1M?.toFixed(2)} (target 0.25); warm = full everywhere: ${allCorrect}` +
      `\nwrote bench/results.json in ${seconds.toFixed(0)} s (build ${buildSeconds?.toFixed(0) ?? 'skipped'} s)`
  );
}

function goOs(): 'linux' | 'darwin' | 'windows' {
  const p = process.platform;
  return p === 'win32' ? 'windows' : p === 'darwin' ? 'darwin' : 'linux';
}

function goArch(): 'amd64' | 'arm64' {
  return process.arch === 'arm64' ? 'arm64' : 'amd64';
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  }
);

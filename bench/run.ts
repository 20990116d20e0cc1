/**
 * `npm run bench` (tsx bench/run.ts): frame building, requests per dashboard refresh, bundle
 * size and plugin-side time per query. Prints tables and writes bench/results.json. Needs
 * `npm run build` first for the bundle part. Timings are medians; run on an idle machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { installDom } from '../testing/ship/lib/domShim';

const QUICK = process.argv.includes('--quick');
// `--only frames` runs just the frame-building section (seconds, no emulator, no build needed)
// and prints it without touching results.json, for iterating on src/frames.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
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

async function main(): Promise<void> {
  installDom();
  // Loaded after the DOM exists: @grafana/data and @grafana/runtime read window at import.
  const { benchFrames } = await import('./frames');
  const { benchDashboards } = await import('./dashboards');
  const { benchPerQuery } = await import('./perQuery');
  const { bundleReport } = await import('./bundle');
  const { startStack } = await import('../testing/stack/startStack');
  const { typicalPanel } = await import('./perQuery');
  const { ENV_IDS } = await import('../emulator/demo');

  const started = Date.now();
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
  const stack = await startStack({ jsonData: { defaultEnvironmentId: ENV_IDS.production } });
  let dashboards;
  let perQuery;
  try {
    dashboards = await benchDashboards(stack, log);
    log('per query...');
    perQuery = await benchPerQuery(
      stack,
      'overview: KPI, request summary, usage per API, errors by category',
      typicalPanel()
    );
  } finally {
    await stack.close();
  }

  const bundle = bundleReport(path.join(__dirname, '..', 'dist'));

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    frames,
    dashboards,
    perQuery,
    bundle,
    targets: {
      conversionOverParseAt1M: {
        target: 0.5,
        measured: frames.find((f) => f.points === 1_000_000)?.conversionOverParse,
      },
      naiveOverConversionMin: { target: 5, measured: Math.min(...frames.map((f) => f.naiveOverConversion)) },
      moduleGzipKB: { target: 150, measured: 'moduleGzipKB' in bundle ? bundle.moduleGzipKB : undefined },
    },
    seconds: (Date.now() - started) / 1000,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    '\n(1) Frame building, median ms (conversion excludes JSON.parse; naive = min of toDataFrame, MutableDataFrame)'
  );
  console.log(table(frames.map((f) => ({ ...f }))));
  console.log('\n(2) HTTP requests per dashboard refresh (counted at the emulator)');
  console.log(table(dashboards.map((d) => ({ ...d }))));
  console.log('\n(3) Bundle');
  if ('error' in bundle) {
    console.log(bundle.error);
  } else {
    console.log(`module.js ${bundle.moduleRawKB} KB raw, ${bundle.moduleGzipKB} KB gzip (target <= 150 KB gzip)`);
    console.log(table(bundle.chunks.map((c) => ({ ...c, has: c.has.join('; ') || '-' }))));
    console.log(table(Object.entries(bundle.heavy).map(([part, where]) => ({ part, where }))));
  }
  console.log('\n(4) Plugin-side time per query (median ms)');
  console.log(table([{ ...perQuery }]));
  console.log(`\nwrote bench/results.json in ${results.seconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  }
);

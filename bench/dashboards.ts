/**
 * What a refresh of each provisioned dashboard costs, counted at the emulator, with request
 * coalescing and incremental refresh on (the defaults) and off (`coalesceRequests: false`,
 * `incrementalOverlapMinutes: 0`): HTTP requests and response bytes of a cold refresh (a new
 * data source instance opening the dashboard: variables, then every panel at once, as Grafana
 * does) and of a warm auto-refresh (the same instance, the range moved by one minute), and the
 * time until every panel has data with 300 ms of emulator latency. Correctness: the warm frames
 * must equal what a new instance fetching the whole moved range in full gets (late data on, so
 * the newest buckets change between the two refreshes, as they do on Choreo).
 *
 * The emulator's clock is fixed (startStack({now})): "a minute later" is the same instant every
 * run, and so are the answers.
 */
import type { DataFrame, TimeRange } from '@grafana/data';

import type { DataSource } from '../src/datasource';
import type { ChoreoOptions } from '../src/options';
import type { DashboardJson } from '../testing/ship/lib/dashboards';
import type { PanelResult, ResolvedVariable } from '../testing/ship/lib/panelRunner';
import { entryFor } from '../src/catalog/catalog';
import { toNeutral } from '../testing/parity/neutralFrames';
import type { Stack } from '../testing/stack/startStack';

/** The one instant every run starts at (a minute that is no 15-minute bucket start). */
export const BENCH_NOW = Date.parse('2026-11-24T12:07:00.000Z');
/** The emulator's ingestion delay: below the default 10-minute overlap, which must absorb it. */
export const LATE_DATA_MINUTES = 5;
const LATENCY_MS = 300;
/** Dashboards that are also run over a day (the others: their saved range only). */
const ALSO_24H = new Set(['overview.json', 'traffic.json', 'errors.json']);
/** Dashboards also run with their time series panels alone. */
const TIME_SERIES_ONLY = new Set(['errors.json']);
/** No panel may take longer than this (every wait bounded). */
const PANEL_TIMEOUT_MS = 60_000;

export const MODES = {
  on: { coalesceRequests: true, incrementalOverlapMinutes: 10 },
  off: { coalesceRequests: false, incrementalOverlapMinutes: 0 },
} satisfies Record<string, Partial<ChoreoOptions>>;
type Mode = keyof typeof MODES;

export interface Refresh {
  /** The panels' requests and response bytes (a refresh of an open dashboard: only these). */
  requests: number;
  bytes: number;
  /** The template variables' requests and bytes before the panels ran (cold only). */
  variableRequests: number;
  variableBytes: number;
  failedPanels: number;
}

export interface DashboardCase {
  dashboard: string;
  range: string;
  /** Whether `range` is the one the dashboard is saved with. */
  savedRange: boolean;
  /** Set when only some of the dashboard's panels ran: which. */
  only?: string;
  panels: number;
  cold: Record<Mode, Refresh>;
  warm: Record<Mode, Refresh>;
  /** Whether the warm frames equal a new instance's full fetch of the same range, per mode. */
  warmEqualsFull: Record<Mode, boolean>;
  /** Where they first differ, when they do. */
  difference?: string;
  /** Milliseconds until every panel has data, emulator latency 300 ms. */
  coldMs: Record<Mode, number>;
  warmMs: Record<Mode, number>;
}

interface Runner {
  loadDashboards: typeof import('../testing/ship/lib/dashboards').loadDashboards;
  queryPanels: typeof import('../testing/ship/lib/dashboards').queryPanels;
  dashboardRange: typeof import('../testing/ship/lib/panelRunner').dashboardRange;
  resolveVariables: typeof import('../testing/ship/lib/panelRunner').resolveVariables;
  runPanel: typeof import('../testing/ship/lib/panelRunner').runPanel;
}

/** Whether a target's query type refreshes incrementally (its frames say how to merge). */
function isIncremental(target: { queryType?: string }): boolean {
  const frames = entryFor(target.queryType)?.frames;
  return frames?.kind === 'timeSeries' && frames.incremental !== undefined;
}

function bounded<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${PANEL_TIMEOUT_MS} ms`)), PANEL_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A panel's frames as the vectors compare them, without the Query inspector's text. */
function comparable(results: PanelResult[]): unknown {
  return results.map((r) => ({
    panel: r.panel.title,
    errors: (r.response.errors ?? []).map((e) => e.message),
    // An incremental refresh says in executedQueryString which buckets it fetched: that line is
    // meant to differ; the frames themselves (fields, values, labels, notices) must not.
    frames: toNeutral((r.response.data ?? []) as DataFrame[]).map((f) => ({
      ...f,
      meta: { ...f.meta, executedQueryString: undefined },
    })),
  }));
}

function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) {
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`
      );
      if (d) {
        return d;
      }
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

export async function benchDashboards(
  stack: Stack,
  setNow: (ms: number) => void,
  log: (s: string) => void
): Promise<DashboardCase[]> {
  const runner: Runner = {
    ...(await import('../testing/ship/lib/dashboards')),
    ...(await import('../testing/ship/lib/panelRunner')),
  };
  const { emulator } = stack;
  emulator.setLateData(LATE_DATA_MINUTES);
  const cases: Array<{ file: string; json: DashboardJson; range: string; saved: boolean; only?: string }> = [];
  for (const { file, json } of runner.loadDashboards()) {
    const name = file.replace(/^.*\//, '');
    const saved = (json.time as { from: string } | undefined)?.from.replace(/^now-/, '') ?? '7d';
    cases.push({ file: name, json, range: saved, saved: true });
    if (ALSO_24H.has(name) && saved !== '24h') {
      cases.push({ file: name, json: { ...json, time: { from: 'now-24h', to: 'now' } }, range: '24h', saved: false });
    }
  }
  // Errors' table and top-N panels fetch in full by design (a top-N row can change with any new
  // bucket): the same refreshes with its time series panels alone show what incremental refresh
  // does for the part of it that can be incremental.
  for (const c of cases.filter((x) => TIME_SERIES_ONLY.has(x.file))) {
    const panels = (c.json.panels ?? []).filter((p) => (p.targets ?? []).every((t) => isIncremental(t)));
    cases.push({ ...c, json: { ...c.json, panels }, only: panels.map((p) => p.title).join(', ') });
  }

  const counted = async <T>(run: () => Promise<T>): Promise<{ value: T; requests: number; bytes: number }> => {
    const r0 = emulator.stats.graphqlRequests;
    const b0 = emulator.stats.graphqlResponseBytes;
    const value = await run();
    return { value, requests: emulator.stats.graphqlRequests - r0, bytes: emulator.stats.graphqlResponseBytes - b0 };
  };
  // Grafana runs a dashboard's panels at the same time.
  const refresh = (ds: DataSource, json: DashboardJson, variables: ResolvedVariable[], range: TimeRange) =>
    Promise.all(runner.queryPanels(json).map((p) => bounded(`${p.title}`, runner.runPanel(ds, p, variables, range))));
  /** Opens the dashboard on a new instance at `now`, refreshes it a minute later. */
  const coldThenWarm = async (json: DashboardJson, mode: Mode) => {
    setNow(BENCH_NOW);
    const ds = stack.dataSource(MODES[mode]);
    const coldRange = runner.dashboardRange(json, BENCH_NOW);
    const started = performance.now();
    const vars = await counted(() => runner.resolveVariables(json, ds, coldRange));
    const cold = await counted(() => refresh(ds, json, vars.value, coldRange));
    const coldMs = performance.now() - started;
    setNow(BENCH_NOW + 60_000);
    const warmRange = runner.dashboardRange(json, BENCH_NOW + 60_000);
    const warmStart = performance.now();
    const warm = await counted(() => refresh(ds, json, vars.value, warmRange));
    const warmMs = performance.now() - warmStart;
    return { vars, cold, warm, coldMs, warmMs, variables: vars.value, warmRange };
  };
  const refreshOf = (
    c: { requests: number; bytes: number },
    results: PanelResult[],
    vars = { requests: 0, bytes: 0 }
  ): Refresh => ({
    requests: c.requests,
    bytes: c.bytes,
    variableRequests: vars.requests,
    variableBytes: vars.bytes,
    failedPanels: results.filter((r) => !r.ok).length,
  });

  /** A token in the proxy's cache for the saved settings, fetched through another instance. */
  const primeToken = async (mode: Mode) => {
    setNow(BENCH_NOW);
    await stack.dataSource(MODES[mode]).metadata.environments();
  };

  const out: DashboardCase[] = [];
  for (const { file, json, range, saved, only } of cases) {
    const cold = {} as Record<Mode, Refresh>;
    const warm = {} as Record<Mode, Refresh>;
    const warmEqualsFull = {} as Record<Mode, boolean>;
    const coldMs = {} as Record<Mode, number>;
    const warmMs = {} as Record<Mode, number>;
    let difference: string | undefined;
    for (const mode of Object.keys(MODES) as Mode[]) {
      const run = await coldThenWarm(json, mode);
      cold[mode] = refreshOf(run.cold, run.cold.value, run.vars);
      warm[mode] = refreshOf(run.warm, run.warm.value);
      // The reference: a new instance, nothing cached, the whole moved range at the same instant.
      const full = await refresh(stack.dataSource(MODES.off), json, run.variables, run.warmRange);
      const d = firstDifference(comparable(run.warm.value), comparable(full));
      warmEqualsFull[mode] = d === undefined;
      difference ??= d === undefined ? undefined : `${mode}: ${d}`;
    }
    emulator.setFaults({ latencyMs: LATENCY_MS });
    try {
      for (const mode of Object.keys(MODES) as Mode[]) {
        // Both modes start with the token Grafana's server would already hold, so the cold time
        // is the dashboard's, not one token request's.
        await primeToken(mode);
        const run = await coldThenWarm(json, mode);
        coldMs[mode] = run.coldMs;
        warmMs[mode] = run.warmMs;
      }
    } finally {
      emulator.clearFaults();
    }
    const row: DashboardCase = {
      dashboard: file,
      range,
      savedRange: saved,
      only,
      panels: runner.queryPanels(json).length,
      cold,
      warm,
      warmEqualsFull,
      difference,
      coldMs,
      warmMs,
    };
    log(
      `  ${file}${only ? ' (time series panels)' : ''} ${range}: warm requests on ${warm.on.requests} / off ${warm.off.requests}, ` +
        `warm = full: ${warmEqualsFull.on && warmEqualsFull.off}`
    );
    out.push(row);
  }
  return out;
}

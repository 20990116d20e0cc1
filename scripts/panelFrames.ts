/**
 * What the browser shows for every provisioned panel: each dashboard's targets run through the
 * real DataSource (Grafana's proxy with the plugin.json route, the emulator behind it) over one
 * fixed week, with the dashboard's variables at what Grafana selects when it opens (the default
 * environment, All, or the first value). Writes, per panel, the targets as Grafana's server would
 * receive them (interpolateVariablesInQueries, as the expression and public dashboard paths
 * call it) with the frames and errors the panel got, for pkg/main_test.go's plugin-host test to
 * send to the backend and compare. The provisioned alert rules' queries too, over the five
 * minutes before the week's end, with the interval and points Grafana's alerting sends.
 *
 *   node --import tsx scripts/panelFrames.ts --out panels.json
 */
import '../testing/node/withDom';

import fs from 'node:fs';

import { type DataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { ENV_IDS } from '../emulator/demo';
import type { DataSource } from '../src/datasource';
import type { ChoreoQuery } from '../src/types';
import { ChoreoVariableSupport } from '../src/variables/ChoreoVariableSupport';
import type { VariableQuery } from '../src/variables/variableQuery';
import { toNeutral } from '../testing/parity/neutralFrames';
import type { NeutralFrame } from '../testing/parity/vector';
import { EXPRESSION_UID, loadAlertingFiles } from '../testing/ship/lib/alerting';
import { loadDashboards, queryPanels, type DashboardJson } from '../testing/ship/lib/dashboards';
import { panelRequest } from '../testing/fakes/panelRequest';
import { ALL_VALUE, type FakeVariable } from '../testing/fakes/templateSrv';
import { startStack } from '../testing/stack/startStack';

/** A week of data well before today, so "no data after now" never cuts it. */
export const PANEL_RANGE = { from: '2026-11-18T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };
/** What Grafana computes for a week on a ~1000 px panel. */
export const PANEL_INTERVAL_MS = 600_000;
export const PANEL_MAX_DATA_POINTS = 1000;

/** What Grafana's alert evaluation sends when a rule's query sets neither. */
export const ALERT_INTERVAL_MS = 1000;
export const ALERT_MAX_DATA_POINTS = 43200;

export interface PanelCase {
  /** The dashboard file, or the alerting file for a rule. */
  dashboard: string;
  /** The panel's title, or the rule's. */
  panel: string;
  range: { from: string; to: string };
  intervalMs: number;
  maxDataPoints: number;
  /** The panel's targets as Grafana's server receives them: variables resolved, hidden ones out. */
  queries: ChoreoQuery[];
  frames: NeutralFrame[];
  /** refId → the error the panel shows for that target. */
  errors: Record<string, string>;
}

export interface PanelFrames {
  panels: PanelCase[];
  rules: PanelCase[];
}

interface Timing {
  range: { from: string; to: string };
  intervalMs: number;
  maxDataPoints: number;
}

const PANEL_TIMING: Timing = {
  range: PANEL_RANGE,
  intervalMs: PANEL_INTERVAL_MS,
  maxDataPoints: PANEL_MAX_DATA_POINTS,
};

function request<T extends { refId: string }>(
  targets: T[],
  panelId: number,
  timing = PANEL_TIMING
): DataQueryRequest<T> {
  return panelRequest<T>(targets, {
    requestId: `P${panelId}`,
    panelId,
    app: panelId < 0 ? 'alerting' : 'dashboard',
    interval: `${timing.intervalMs}ms`,
    intervalMs: timing.intervalMs,
    maxDataPoints: timing.maxDataPoints,
    from: Date.parse(timing.range.from),
    to: Date.parse(timing.range.to),
    // The backend has no dashboard zone to read: days start at UTC midnight there.
    timezone: 'utc',
  });
}

/** The variable's options as its query lists them (value = id). */
async function options(ds: DataSource, query: VariableQuery): Promise<string[]> {
  const support = new ChoreoVariableSupport(ds);
  const res = await lastValueFrom(support.query(request([{ ...query, refId: 'V' }], 0)));
  if (res.errors?.length) {
    throw new Error(`variable query ${JSON.stringify(query)}: ${res.errors[0].message}`);
  }
  const frame = res.data[0] as DataFrame | undefined;
  return (frame?.fields.find((f) => f.name === 'value')?.values ?? []).map(String);
}

/** The dashboard's variables as Grafana selects them on open, resolved in order. */
async function selectVariables(ds: DataSource, dashboard: DashboardJson, set: (v: FakeVariable) => void) {
  for (const v of dashboard.templating?.list ?? []) {
    if (v.type !== 'query') {
      continue;
    }
    const query = v.query as VariableQuery;
    if (query.list === 'environments') {
      set({ name: v.name, value: ENV_IDS.production, type: 'query' });
      continue;
    }
    const environmentId = query.environmentId === '$environment' ? ENV_IDS.production : query.environmentId;
    const values = await options(ds, { ...query, environmentId });
    const current = v.current?.value;
    const all = current === ALL_VALUE || (Array.isArray(current) && current.includes(ALL_VALUE));
    set(
      all
        ? { name: v.name, value: ALL_VALUE, options: values, includeAll: true, multi: Boolean(v.multi), type: 'query' }
        : { name: v.name, value: values[0] ?? '', type: 'query' }
    );
  }
}

/** Each provisioned rule's data source queries, as its evaluation would run them at the week's end. */
async function ruleFrames(ds: DataSource): Promise<PanelCase[]> {
  const out: PanelCase[] = [];
  const end = Date.parse(PANEL_RANGE.to);
  for (const { file, doc } of loadAlertingFiles()) {
    for (const rule of (doc.groups ?? []).flatMap((g) => g.rules)) {
      const queries = rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID);
      // One evaluation: every query of the rule over its own relative range (all the same here).
      const relative = queries[0]?.relativeTimeRange ?? { from: 600, to: 0 };
      const timing: Timing = {
        range: {
          from: new Date(end - relative.from * 1000).toISOString(),
          to: new Date(end - relative.to * 1000).toISOString(),
        },
        intervalMs: ALERT_INTERVAL_MS,
        maxDataPoints: ALERT_MAX_DATA_POINTS,
      };
      const targets = queries.map((q) => q.model as unknown as ChoreoQuery);
      const res = await lastValueFrom(ds.query(request(targets, -1, timing)));
      out.push({
        dashboard: file,
        panel: rule.title,
        ...timing,
        queries: targets,
        frames: toNeutral(res.data as DataFrame[]),
        errors: errorsOf(res),
      });
    }
  }
  return out;
}

function errorsOf(res: DataQueryResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of res.errors ?? []) {
    out[e.refId ?? ''] = e.message ?? '';
  }
  return out;
}

export async function panelFrames(): Promise<PanelFrames> {
  const stack = await startStack({
    jsonData: { defaultEnvironmentId: ENV_IDS.production, coalesceRequests: false, incrementalOverlapMinutes: 0 },
  });
  try {
    const panels: PanelCase[] = [];
    for (const { file, json } of loadDashboards()) {
      const ds = stack.dataSource();
      await selectVariables(ds, json, (v) => stack.templateSrv.set(v.name, v.value, v));
      for (const panel of queryPanels(json)) {
        const targets = (panel.targets ?? []) as unknown as ChoreoQuery[];
        if (!targets.length) {
          continue;
        }
        const res = await lastValueFrom(ds.query(request(targets, panel.id)));
        panels.push({
          dashboard: file,
          panel: panel.title,
          ...PANEL_TIMING,
          queries: ds.interpolateVariablesInQueries(
            targets.filter((t) => ds.filterQuery(t)),
            {}
          ),
          frames: toNeutral(res.data as DataFrame[]),
          errors: errorsOf(res),
        });
      }
    }
    return { panels, rules: await ruleFrames(stack.dataSource()) };
  } finally {
    await stack.close();
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (!out) {
    throw new Error('usage: node --import tsx scripts/panelFrames.ts --out <file>');
  }
  const result = await panelFrames();
  fs.writeFileSync(out, JSON.stringify(result, null, 1));
  const queries = (cases: PanelCase[]) => cases.reduce((n, p) => n + p.queries.length, 0);
  console.log(
    `${result.panels.length} panels (${queries(result.panels)} queries), ${result.rules.length} alert rules (${queries(result.rules)} queries)`
  );
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    }
  );
}

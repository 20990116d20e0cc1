/**
 * Runs a dashboard's panels the way Grafana would: variables resolved to what the dashboard
 * shows on load, each panel's targets through `DataSource.query`, and the frames checked
 * against what the panel type draws. Needs a DOM (see domShim.ts) and an installed BackendSrv.
 */
import {
  FieldType,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type TimeRange,
} from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import type { DataSource } from '../../../src/datasource';
import type { ChoreoQuery } from '../../../src/types';
import { queryPanels, type DashboardJson, type DashboardPanel } from './dashboards';
import { dashboardRange, dashboardTemplateSrv, resolveVariables, type ResolvedVariable } from './variables';

// Where bench/ and scripts/ have always imported them from.
export { dashboardRange, resolveVariables, type ResolvedVariable } from './variables';

export interface PanelResult {
  panel: DashboardPanel;
  ok: boolean;
  /** One line: frames, rows and fields, or what is wrong. */
  detail: string;
  /** What the panel got (empty when the query threw). */
  response: DataQueryResponse;
}

function rows(frame: DataFrame): number {
  return frame.length ?? frame.fields[0]?.values.length ?? 0;
}

/** Why the frames cannot draw the panel; undefined when they can. */
export function frameProblem(panelType: string, frames: DataFrame[]): string | undefined {
  const withRows = frames.filter((f) => rows(f) > 0);
  if (withRows.length === 0) {
    return 'no data';
  }
  const has = (f: DataFrame, type: FieldType) => f.fields.some((field) => field.type === type);
  switch (panelType) {
    case 'timeseries':
      return withRows.every((f) => has(f, FieldType.time) && has(f, FieldType.number))
        ? undefined
        : 'a time series frame lacks a time or a number field';
    case 'stat':
    case 'piechart':
      return withRows.some((f) => has(f, FieldType.number)) ? undefined : 'no number field';
    case 'barchart':
      return withRows.some((f) => has(f, FieldType.number) && (has(f, FieldType.string) || has(f, FieldType.time)))
        ? undefined
        : 'a bar chart needs a string (or time) field and a number field';
    default:
      return undefined;
  }
}

function describe(frames: DataFrame[]): string {
  const fields = frames.flatMap((f) =>
    f.fields.map(
      (field) => `${field.config?.displayNameFromDS ?? field.config?.displayName ?? field.name}:${field.type}`
    )
  );
  const shown = [...new Set(fields)];
  const total = frames.reduce((n, f) => n + rows(f), 0);
  return `${frames.length} frame(s), ${total} row(s); ${shown.slice(0, 6).join(', ')}${shown.length > 6 ? ', ...' : ''}`;
}

export async function runPanel(
  ds: DataSource,
  panel: DashboardPanel,
  variables: ResolvedVariable[],
  range: TimeRange
): Promise<PanelResult> {
  setTemplateSrv(dashboardTemplateSrv(variables, range));
  const maxDataPoints = 1000;
  const intervalMs = Math.max(60_000, Math.round((range.to.valueOf() - range.from.valueOf()) / maxDataPoints));
  const request: DataQueryRequest<ChoreoQuery> = {
    app: 'dashboard',
    requestId: `panel-${panel.id}`,
    panelId: panel.id,
    targets: (panel.targets ?? []) as unknown as ChoreoQuery[],
    range,
    interval: `${Math.round(intervalMs / 1000)}s`,
    intervalMs,
    maxDataPoints,
    scopedVars: {
      __interval: { text: `${intervalMs / 1000}s`, value: `${intervalMs / 1000}s` },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    },
    timezone: 'utc',
    startTime: Date.now(),
  };
  try {
    const response = await lastValueFrom(ds.query(request));
    const errors = [...(response.errors ?? []), ...(response.error ? [response.error] : [])];
    if (errors.length > 0) {
      return {
        panel,
        ok: false,
        detail: `error: ${errors.map((e) => e.message ?? JSON.stringify(e)).join('; ')}`,
        response,
      };
    }
    const frames = (response.data ?? []) as DataFrame[];
    const problem = frameProblem(panel.type, frames);
    return { panel, ok: !problem, detail: problem ? `${problem} (${describe(frames)})` : describe(frames), response };
  } catch (e) {
    return { panel, ok: false, detail: `threw: ${e instanceof Error ? e.message : String(e)}`, response: { data: [] } };
  }
}

export async function runDashboard(ds: DataSource, dashboard: DashboardJson, now = Date.now()): Promise<PanelResult[]> {
  const range = dashboardRange(dashboard, now);
  const variables = await resolveVariables(dashboard, ds, range);
  const results: PanelResult[] = [];
  for (const panel of queryPanels(dashboard)) {
    results.push(await runPanel(ds, panel, variables, range));
  }
  return results;
}

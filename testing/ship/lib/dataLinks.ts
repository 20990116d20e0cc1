/**
 * The provisioned dashboards' links: Grafana's dashboard links (the tagged dropdown that joins the
 * six dashboards) and the panels' data links (drill-downs). Browser-safe, like variables.ts: the
 * sandbox renders the links with `interpolateDataLink`, the ship checks use the rest.
 *
 * Interpolation follows what Grafana's data links do with these URLs: `${__url_time_range}` is
 * `from=<ms>&to=<ms>`, `${var:queryparam}` is `var-var=<value>` (one per value of a multi-value
 * variable, All as `$__all`), `${__data.fields["X"]}` / `${__data.fields.X}` is field X of the
 * clicked row and `${__field.labels.x}` the clicked series' label, each URI-encoded (Grafana
 * interpolates data link URLs with the uriencode format).
 */
import type { DashboardJson, DashboardPanel, LoadedDashboard } from './dashboards';
import type { ResolvedVariable } from './variables';

export const DASHBOARD_TAG = 'choreo-insights';
/** The field the lead's query layer adds after `API` in frames that show an API. */
export const API_ID_FIELD = 'API ID';
/** The label per-API series carry next to `api`. */
export const API_ID_LABEL = 'apiId';

export interface DataLinkJson {
  title: string;
  url: string;
  targetBlank?: boolean;
}

export interface DashboardLinkJson {
  type: string;
  tags?: string[];
  keepTime?: boolean;
  includeVars?: boolean;
  asDropdown?: boolean;
  title?: string;
}

interface Override {
  matcher?: { id?: string; options?: unknown };
  properties?: Array<{ id: string; value: unknown }>;
}

function fieldConfigOf(panel: DashboardPanel): { defaults?: { links?: DataLinkJson[] }; overrides?: Override[] } {
  return (panel.fieldConfig ?? {}) as { defaults?: { links?: DataLinkJson[] }; overrides?: Override[] };
}

/** A panel's data links (panel defaults and overrides). */
export function dataLinksOf(panel: DashboardPanel): DataLinkJson[] {
  const config = fieldConfigOf(panel);
  const fromOverrides = (config.overrides ?? []).flatMap((o) =>
    (o.properties ?? []).filter((p) => p.id === 'links').flatMap((p) => (p.value as DataLinkJson[]) ?? [])
  );
  return [...(config.defaults?.links ?? []), ...fromOverrides];
}

export function dashboardLinksOf(dashboard: DashboardJson): DashboardLinkJson[] {
  return Array.isArray(dashboard.links) ? (dashboard.links as DashboardLinkJson[]) : [];
}

/** Whether a panel keeps `name` out of its visualisation (table column hidden, or hidden from viz). */
export function hidesField(panel: DashboardPanel, name: string): boolean {
  return (fieldConfigOf(panel).overrides ?? []).some(
    (o) =>
      o.matcher?.id === 'byName' &&
      o.matcher.options === name &&
      (o.properties ?? []).some(
        (p) =>
          (p.id === 'custom.hidden' && p.value === true) ||
          (p.id === 'custom.hideFrom' && (p.value as { viz?: boolean } | undefined)?.viz === true)
      )
  );
}

export interface LinkContext {
  variables: ResolvedVariable[];
  range: { from: number; to: number };
  /** The clicked row: field name → value. */
  fields?: Record<string, unknown>;
  /** The clicked series' labels. */
  labels?: Record<string, string>;
}

const MACRO = /\$\{([^}]+)\}/g;

function queryParam(variable: ResolvedVariable): string {
  const values = Array.isArray(variable.value) ? variable.value : [variable.value];
  return values.map((v) => `var-${variable.name}=${encodeURIComponent(v)}`).join('&');
}

/** One data link URL for one row or series, as Grafana builds it when the user clicks. */
export function interpolateDataLink(url: string, ctx: LinkContext): string {
  return url.replace(MACRO, (whole, expr: string) => {
    if (expr === '__url_time_range') {
      return `from=${ctx.range.from}&to=${ctx.range.to}`;
    }
    const field = /^__data\.fields(?:\["([^"]+)"\]|\.(\w+))$/.exec(expr);
    if (field) {
      const value = ctx.fields?.[field[1] ?? field[2]];
      return value === undefined || value === null ? '' : encodeURIComponent(String(value));
    }
    const label = /^__field\.labels\.(\w+)$/.exec(expr);
    if (label) {
      return encodeURIComponent(ctx.labels?.[label[1]] ?? '');
    }
    const variable = /^(\w+)(?::(\w+))?$/.exec(expr);
    const resolved = variable && ctx.variables.find((v) => v.name === variable[1]);
    if (resolved) {
      if (variable[2] === 'queryparam') {
        return queryParam(resolved);
      }
      return encodeURIComponent(Array.isArray(resolved.value) ? resolved.value.join(',') : resolved.value);
    }
    return whole;
  });
}

/** A link title (`Latency of ${__data.fields.API}`) for one row or series, not URI-encoded. */
export function interpolateTitle(title: string, ctx: LinkContext): string {
  return title.replace(MACRO, (whole, expr: string) => {
    const field = /^__data\.fields(?:\["([^"]+)"\]|\.(\w+))$/.exec(expr);
    if (field) {
      return String(ctx.fields?.[field[1] ?? field[2]] ?? '');
    }
    const label = /^__field\.labels\.(\w+)$/.exec(expr);
    return label ? (ctx.labels?.[label[1]] ?? '') : whole;
  });
}

/** The dashboard a `/d/<uid>?...` URL opens and its `var-*` parameters, or undefined. */
export function parseDashboardUrl(url: string): { uid: string; params: URLSearchParams } | undefined {
  const m = /^\/d\/([\w-]+)(?:\/[\w-]*)?\?(.*)$/.exec(url);
  return m ? { uid: m[1], params: new URLSearchParams(m[2]) } : undefined;
}

const REQUIRED_IN_DRILL_DOWN = ['${__url_time_range}', '${datasource:queryparam}', '${environment:queryparam}'];

/**
 * Links across the set: every dashboard carries the tag and a tagged `dashboards` link that keeps
 * the time range and variables; every data link opens one of the six dashboards keeping the time
 * range, the data source and the environment, sets only variables the target has, reads only
 * fields and labels the frames carry, and the API ID it reads is hidden from the panel.
 */
export function checkDashboardLinks(dashboards: LoadedDashboard[]): string[] {
  const problems: string[] = [];
  const byUid = new Map(dashboards.map((d) => [d.json.uid, d.json]));
  for (const { file, json } of dashboards) {
    const tags = Array.isArray(json.tags) ? (json.tags as string[]) : [];
    if (!tags.includes(DASHBOARD_TAG)) {
      problems.push(`${file}: needs the tag ${DASHBOARD_TAG} (the dashboard links list dashboards by it)`);
    }
    const tagged = dashboardLinksOf(json).find((l) => l.type === 'dashboards' && l.tags?.includes(DASHBOARD_TAG));
    if (!tagged) {
      problems.push(`${file}: needs a dashboards link with the tag ${DASHBOARD_TAG}`);
    } else if (!tagged.keepTime || !tagged.includeVars) {
      problems.push(`${file}: the dashboards link must keep the time range and variables (keepTime, includeVars)`);
    }
    const variables = new Set((json.templating?.list ?? []).map((v) => v.name));
    for (const panel of json.panels) {
      for (const link of dataLinksOf(panel)) {
        const where = `${file}: panel ${panel.id} link "${link.title}"`;
        const parsed = parseDashboardUrl(link.url);
        const target = parsed && byUid.get(parsed.uid);
        if (!parsed || !target) {
          problems.push(`${where}: must open one of the dashboards as /d/<uid>?... (got ${link.url})`);
          continue;
        }
        for (const required of REQUIRED_IN_DRILL_DOWN) {
          if (!link.url.includes(required)) {
            problems.push(`${where}: must keep ${required}`);
          }
        }
        const targetVariables = new Set((target.templating?.list ?? []).map((v) => v.name));
        for (const key of parsed.params.keys()) {
          if (key.startsWith('var-') && !targetVariables.has(key.slice(4))) {
            problems.push(`${where}: ${target.uid} has no variable ${key.slice(4)}`);
          }
        }
        for (const [, expr] of `${link.url} ${link.title}`.matchAll(MACRO)) {
          const name = /^(\w+)/.exec(expr)?.[1] ?? expr;
          if (!['__url_time_range', '__data', '__field'].includes(name) && !variables.has(name)) {
            problems.push(`${where}: refers to undefined variable ${name}`);
          }
        }
        const readsApiId = link.url.includes(`__data.fields["${API_ID_FIELD}"]`);
        if (readsApiId && !hidesField(panel, API_ID_FIELD)) {
          problems.push(`${where}: reads "${API_ID_FIELD}", which the panel must hide (custom.hidden / hideFrom.viz)`);
        }
        if (readsApiId && panel.type === 'timeseries') {
          problems.push(`${where}: a time series has no rows; use \${__field.labels.${API_ID_LABEL}}`);
        }
      }
    }
  }
  return problems;
}

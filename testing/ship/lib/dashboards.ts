import { entryFor, resolveDefinition } from '../../../src/catalog/catalog';
import type { Arity } from '../../../src/catalog/format';
import { normalizeOptions } from '../../../src/catalog/options';
import { EMULATOR_DS_UID } from './provisioning';
import { isRecord, listFiles, PLUGIN_ID, readJson } from './repo';

/** The dashboards' one source of truth: the build copies it to dist/dashboards/. */
export const DASHBOARDS_DIR = 'src/dashboards';
export const DATASOURCE_VARIABLE = 'datasource';
/** How every panel, target and query variable names its data source. */
export const DATASOURCE_REF = { type: PLUGIN_ID, uid: `\${${DATASOURCE_VARIABLE}}` } as const;

const VARIABLE_LISTS = new Set(['environments', 'apis', 'applications']);
const BUILT_IN_VARIABLES = new Set([
  '__all',
  '__interval',
  '__interval_ms',
  '__rate_interval',
  '__range',
  '__range_s',
  '__range_ms',
  '__from',
  '__to',
  '__dashboard',
  '__org',
  '__user',
  '__timezone',
]);

export interface DashboardTarget extends Record<string, unknown> {
  refId: string;
  queryType?: string;
  datasource?: unknown;
}

export interface DashboardPanel extends Record<string, unknown> {
  id: number;
  type: string;
  title: string;
  datasource?: unknown;
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: DashboardTarget[];
}

export interface DashboardVariable extends Record<string, unknown> {
  name: string;
  type: string;
  query?: unknown;
  datasource?: unknown;
  current?: { text?: unknown; value?: unknown };
}

export interface DashboardJson extends Record<string, unknown> {
  uid: string;
  title: string;
  panels: DashboardPanel[];
  templating?: { list?: DashboardVariable[] };
}

export interface LoadedDashboard {
  file: string;
  json: DashboardJson;
}

export function loadDashboards(): LoadedDashboard[] {
  return listFiles(DASHBOARDS_DIR, /\.json$/).map((file) => ({ file, json: readJson<DashboardJson>(file) }));
}

/** Panels with queries; rows hold panels of their own when collapsed. */
export function queryPanels(dashboard: DashboardJson): DashboardPanel[] {
  const out: DashboardPanel[] = [];
  for (const panel of dashboard.panels ?? []) {
    if (panel.type === 'row') {
      out.push(...((panel.panels as DashboardPanel[] | undefined) ?? []));
    } else {
      out.push(panel);
    }
  }
  return out;
}

function isDataSourceRef(value: unknown): boolean {
  return isRecord(value) && value.type === DATASOURCE_REF.type && value.uid === DATASOURCE_REF.uid;
}

/** Names of the variables a string refers to: `$x`, `${x}`, `${x:csv}`, `[[x]]`. */
export function referencedVariables(text: string): string[] {
  const names: string[] = [];
  const re = /\$(\w+)|\$\{(\w+)(?:[:.][^}]*)?\}|\[\[(\w+)(?::\w+)?\]\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    names.push(m[1] ?? m[2] ?? m[3]);
  }
  return names;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsIn);
  }
  return isRecord(value) ? Object.values(value).flatMap(stringsIn) : [];
}

function checkVariables(where: string, variables: DashboardVariable[]): string[] {
  const problems: string[] = [];
  const dsVar = variables.find((v) => v.name === DATASOURCE_VARIABLE);
  if (!dsVar || dsVar.type !== 'datasource' || dsVar.query !== PLUGIN_ID) {
    problems.push(`${where}: needs a \`${DATASOURCE_VARIABLE}\` variable of type datasource for ${PLUGIN_ID}`);
  } else if (dsVar.current?.value !== EMULATOR_DS_UID) {
    problems.push(`${where}: \`${DATASOURCE_VARIABLE}\` should default to the provisioned ${EMULATOR_DS_UID}`);
  }
  const names = new Set<string>();
  for (const variable of variables) {
    if (names.has(variable.name)) {
      problems.push(`${where}: duplicate variable ${variable.name}`);
    }
    names.add(variable.name);
    if (variable.type !== 'query') {
      continue;
    }
    if (!isDataSourceRef(variable.datasource)) {
      problems.push(`${where}: variable ${variable.name} must use ${JSON.stringify(DATASOURCE_REF)}`);
    }
    const query = variable.query;
    if (!isRecord(query) || typeof query.list !== 'string' || !VARIABLE_LISTS.has(query.list)) {
      problems.push(`${where}: variable ${variable.name} needs a query {list: environments|apis|applications}`);
    }
  }
  return problems;
}

/**
 * A scope field against what the query type takes (src/components/queryTypes.ts, which follows
 * the Insights filter behind each type): a filter the API ignores would silently do nothing, and
 * a multi-value variable in a one-id filter would query only its first value.
 */
function checkScopeField(
  where: string,
  field: 'apiIds' | 'appIds',
  ids: unknown,
  use: Arity,
  variables: Map<string, DashboardVariable>
): string[] {
  const list = Array.isArray(ids) ? ids.map(String) : [];
  if (ids !== undefined && !Array.isArray(ids)) {
    return [`${where}: ${field} must be a list`];
  }
  if (use === 'none') {
    return list.length > 0 ? [`${where}: ${field} is ignored by this query type`] : [];
  }
  const problems: string[] = [];
  const required = use === 'required';
  const single = use === 'one' || use === 'required';
  if (required && list.length === 0) {
    problems.push(`${where}: ${field} is required by this query type`);
  }
  if (single && list.length > 1) {
    problems.push(`${where}: ${field} takes one id`);
  }
  for (const name of list.flatMap(referencedVariables)) {
    const variable = variables.get(name);
    if (single && variable?.multi) {
      problems.push(`${where}: ${field} takes one id but $${name} is multi-value`);
    }
    if (required && variable?.includeAll) {
      problems.push(`${where}: ${field} is required but $${name} offers All`);
    }
  }
  return problems;
}

function overlaps(a: DashboardPanel['gridPos'], b: DashboardPanel['gridPos']): boolean {
  if (!a || !b) {
    return false;
  }
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Everything wrong with one dashboard on its own. */
export function checkDashboard({ file, json }: LoadedDashboard): string[] {
  const problems: string[] = [];
  if (!json.uid || !json.title) {
    problems.push(`${file}: uid and title are required`);
  }
  if (typeof json.id === 'number') {
    problems.push(`${file}: remove the instance-specific numeric id`);
  }
  const variables = json.templating?.list ?? [];
  problems.push(...checkVariables(file, variables));
  const defined = new Set(variables.map((v) => v.name));
  const byName = new Map(variables.map((v) => [v.name, v]));

  const panels = queryPanels(json);
  if (panels.length === 0) {
    problems.push(`${file}: no panels`);
  }
  const ids = new Set<number>();
  panels.forEach((panel, i) => {
    const where = `${file}: panel ${panel.id} "${panel.title}"`;
    if (ids.has(panel.id)) {
      problems.push(`${where}: duplicate panel id`);
    }
    ids.add(panel.id);
    if (!panel.gridPos) {
      problems.push(`${where}: gridPos is required`);
    }
    panels.slice(0, i).forEach((other) => {
      if (overlaps(panel.gridPos, other.gridPos)) {
        problems.push(`${where}: overlaps panel ${other.id}`);
      }
    });
    if (!isDataSourceRef(panel.datasource)) {
      problems.push(`${where}: datasource must be ${JSON.stringify(DATASOURCE_REF)}`);
    }
    const targets = panel.targets ?? [];
    if (targets.length === 0) {
      problems.push(`${where}: no targets`);
    }
    const refIds = new Set<string>();
    for (const target of targets) {
      if (refIds.has(target.refId)) {
        problems.push(`${where}: duplicate refId ${target.refId}`);
      }
      refIds.add(target.refId);
      if (!isDataSourceRef(target.datasource)) {
        problems.push(`${where}: target ${target.refId} datasource must be ${JSON.stringify(DATASOURCE_REF)}`);
      }
      const entry = entryFor(target.queryType);
      if (!entry) {
        problems.push(`${where}: target ${target.refId} has unknown queryType ${String(target.queryType)}`);
        continue;
      }
      const options = normalizeOptions(entry, target);
      const scope = resolveDefinition(
        entry,
        entry.variants ? String(options.values[entry.variants.option]) : undefined
      ).scope;
      const at = `${where}: target ${target.refId}`;
      problems.push(
        ...Object.values(options.problems).map((p) => `${at}: ${p}`),
        ...checkScopeField(at, 'apiIds', target.apiIds, scope.apis, byName),
        ...checkScopeField(at, 'appIds', target.appIds, scope.apps, byName)
      );
    }
    for (const name of referencedVariables(stringsIn([panel.title, targets]).join('\n'))) {
      if (!defined.has(name) && !BUILT_IN_VARIABLES.has(name)) {
        problems.push(`${where}: refers to undefined variable $${name}`);
      }
    }
  });
  return problems;
}

/** Problems across dashboards and with plugin.json's `includes`. */
export function checkDashboardSet(dashboards: LoadedDashboard[], pluginJson: { includes?: unknown }): string[] {
  const problems: string[] = [];
  const uids = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const { file, json } of dashboards) {
    if (uids.has(json.uid)) {
      problems.push(`${file}: uid ${json.uid} also in ${uids.get(json.uid)}`);
    }
    if (titles.has(json.title)) {
      problems.push(`${file}: title ${json.title} also in ${titles.get(json.title)}`);
    }
    uids.set(json.uid, file);
    titles.set(json.title, file);
  }
  const includes = Array.isArray(pluginJson.includes) ? pluginJson.includes.filter(isRecord) : [];
  const included = includes.filter((i) => i.type === 'dashboard').map((i) => `src/${String(i.path)}`);
  const files = dashboards.map((d) => d.file);
  for (const file of files.filter((f) => !included.includes(f))) {
    problems.push(`src/plugin.json: includes lacks ${file}`);
  }
  for (const file of included.filter((f) => !files.includes(f))) {
    problems.push(`src/plugin.json: includes ${file}, which does not exist`);
  }
  return problems;
}

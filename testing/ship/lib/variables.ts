/**
 * A dashboard's default time range and its variables resolved the way Grafana resolves them on
 * load. Browser-safe (no Node modules, type-only imports from dashboards.ts): the sandbox page's
 * Dashboards tab uses it too, so both resolve variables the same way.
 */
import { dateTime, type DataFrame, type DataQueryRequest, type DataQueryResponse, type TimeRange } from '@grafana/data';
import { from, isObservable, lastValueFrom, type Observable } from 'rxjs';

import type { DataSource } from '../../../src/datasource';
import type { ListKind } from '../../../src/types';
import type { DashboardJson, DashboardVariable } from './dashboards';
import { TemplateSrvFake } from '../../fakes/templateSrv';

/** A dashboard variable with its resolved value, as Grafana holds it after the dashboard loads. */
export interface ResolvedVariable {
  name: string;
  type: string;
  multi: boolean;
  includeAll: boolean;
  text: string | string[];
  value: string | string[];
  /** Every option's value: what an All selection expands to when there is no custom allValue. */
  options: string[];
  allValue?: string;
}

/** Grafana's template service over a dashboard's resolved variables (and its time range). */
export function dashboardTemplateSrv(variables: readonly ResolvedVariable[], range?: TimeRange): TemplateSrvFake {
  const srv = new TemplateSrvFake(variables);
  if (range) {
    srv.updateTimeRange(range);
  }
  return srv;
}

interface Option {
  text: string;
  value: string;
}

const RELATIVE = /^now-(\d+)([mhdw])$/;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The dashboard's default time range (`now-<n><unit>` to `now`, the only form these use). */
export function dashboardRange(dashboard: DashboardJson, now = Date.now()): TimeRange {
  const time = (dashboard.time ?? { from: 'now-7d', to: 'now' }) as { from: string; to: string };
  const m = RELATIVE.exec(time.from);
  if (!m || time.to !== 'now') {
    throw new Error(`${dashboard.uid}: time ${time.from}..${time.to} is not now-<n><unit>..now`);
  }
  const from = dateTime(now - Number(m[1]) * UNIT_MS[m[2]]);
  const to = dateTime(now);
  return { from, to, raw: { from: time.from, to: time.to } };
}

/** The data source's own variable support when it has one, else its metadata lists. */
async function listOptions(ds: DataSource, list: ListKind, environmentId: string, range: TimeRange): Promise<Option[]> {
  const support = (ds as { variables?: { query?: (r: DataQueryRequest<never>) => unknown } }).variables;
  if (support?.query) {
    const request = {
      targets: [{ refId: 'variable', list, environmentId }],
      range,
      interval: '1m',
      intervalMs: 60_000,
      scopedVars: {},
      timezone: 'utc',
      app: 'dashboard',
      requestId: `variable-${list}`,
      startTime: Date.now(),
    } as unknown as DataQueryRequest<never>;
    const result = support.query(request) as Observable<DataQueryResponse> | Promise<DataQueryResponse>;
    const response = await lastValueFrom(isObservable(result) ? result : from(result));
    const frame = response.data?.[0] as DataFrame | undefined;
    const text = frame?.fields.find((f) => f.name === 'text') ?? frame?.fields[0];
    const value = frame?.fields.find((f) => f.name === 'value') ?? text;
    return (text?.values ?? []).map((t: unknown, i: number) => ({ text: String(t), value: String(value?.values[i]) }));
  }
  if (list === 'environments') {
    return (await ds.metadata.environments()).map((e) => ({ text: e.name, value: e.id }));
  }
  if (list === 'apis') {
    return (await ds.metadata.apis(environmentId)).map((a) => ({ text: `${a.name} ${a.version}`, value: a.id }));
  }
  if (list === 'applications') {
    return (await ds.metadata.applications(environmentId)).map((a) => ({ text: a.name, value: a.id }));
  }
  return [];
}

/**
 * What the dashboard shows on load: the saved selection when it is All or one of the options,
 * else the first option (sorted as the variable says), as Grafana does with `refresh: 1`.
 */
export async function resolveVariables(
  dashboard: DashboardJson,
  ds: DataSource,
  range: TimeRange
): Promise<ResolvedVariable[]> {
  const list = dashboard.templating?.list ?? [];
  const done = new Map<string, ResolvedVariable>();
  // Later variables may refer to earlier ones (an API list per `$environment`).
  const srv = dashboardTemplateSrv([], range);
  const resolve = async (variable: DashboardVariable): Promise<ResolvedVariable> => {
    const base = {
      name: variable.name,
      type: variable.type,
      multi: Boolean(variable.multi),
      includeAll: Boolean(variable.includeAll),
    };
    if (variable.type !== 'query') {
      const value = String(variable.current?.value ?? variable.query ?? '');
      return { ...base, text: value, value, options: [value] };
    }
    const query = variable.query as { list: ListKind; environmentId?: string };
    let options = await listOptions(ds, query.list, srv.replace(query.environmentId ?? ''), range);
    if (variable.sort === 1) {
      options = [...options].sort((a, b) => a.text.localeCompare(b.text));
    }
    return { ...base, ...selection(variable, options), options: options.map((o) => o.value) };
  };
  // As Grafana's SceneVariableSet does: every variable whose references are resolved starts at
  // once (the API and application lists of one environment together), the rest wait for them.
  let waiting = [...list];
  while (waiting.length) {
    const names = new Set(waiting.map((v) => v.name));
    const ready = waiting.filter((v) => !referencesOf(v).some((name) => names.has(name) && name !== v.name));
    if (!ready.length) {
      throw new Error(`${dashboard.uid}: variables ${[...names].join(', ')} refer to each other`);
    }
    const values = await Promise.all(ready.map(resolve));
    ready.forEach((v, i) => {
      done.set(v.name, values[i]);
      srv.set(v.name, values[i].value, values[i]);
    });
    waiting = waiting.filter((v) => !ready.includes(v));
  }
  return list.map((v) => done.get(v.name)!);
}

/** The variable names a variable's query mentions (`$name`, `${name}`, `[[name]]`). */
function referencesOf(variable: DashboardVariable): string[] {
  const text = JSON.stringify(variable.query ?? '');
  return [...text.matchAll(/\$\{?(\w+)|\[\[(\w+)/g)].map((m) => m[1] ?? m[2]);
}

function selection(variable: DashboardVariable, options: Option[]): Pick<ResolvedVariable, 'text' | 'value'> {
  const saved = variable.current?.value;
  const savedAll = Array.isArray(saved) ? saved.includes('$__all') : saved === '$__all';
  if (savedAll && variable.includeAll) {
    return variable.multi ? { text: ['All'], value: ['$__all'] } : { text: 'All', value: '$__all' };
  }
  const match = options.find((o) => o.value === saved);
  const chosen = match ?? options[0];
  if (!chosen) {
    return { text: '', value: '' };
  }
  return variable.multi ? { text: [chosen.text], value: [chosen.value] } : { text: chosen.text, value: chosen.value };
}

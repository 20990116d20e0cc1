import { RequestContext } from '../context';
import { Cell } from '../data/cells';
import { splitCache, splitErrorCategories } from '../data/breakdowns';
import { LatencySample, addWeighted, emptySample, latencyOver } from '../data/latency';
import { resolveCells } from '../data/scope';
import { APPLICATIONS, ApiDef, AppDef, PLATFORMS, ResourceDef, USER_AGENTS } from '../demo';
import { userError } from '../errors';
import { DataFilterInput, SeriesFrame, TimeFilterInput, frame } from './common';

/**
 * Custom reports. Dimensions are treated as independent shares of an API's traffic (app mix,
 * resource mix, device mix, response codes), which is enough for plausible reports.
 */

type Field =
  | 'API_NAME'
  | 'API_VERSION'
  | 'API_RESOURCE_TEMPLATE'
  | 'API_METHOD'
  | 'API_CREATOR'
  | 'APPLICATION_NAME'
  | 'APPLICATION_OWNER'
  | 'DESTINATION'
  | 'USER_AGENT'
  | 'PLATFORM'
  | 'TARGET_RESPONSE_CODE';

type Metric =
  | 'HIT_COUNT'
  | 'RESPONSE_CACHE_HIT'
  | 'REQUEST_MEDIATION_LATENCY'
  | 'RESPONSE_MEDIATION_LATENCY'
  | 'BACKEND_LATENCY'
  | 'TOTAL_LATENCY'
  | 'API_ERRORS'
  | 'TARGET_ERRORS';

const LATENCY_METRIC: Partial<Record<Metric, keyof LatencySample>> = {
  REQUEST_MEDIATION_LATENCY: 'requestMediation',
  RESPONSE_MEDIATION_LATENCY: 'responseMediation',
  BACKEND_LATENCY: 'backend',
  TOTAL_LATENCY: 'response',
};

const SUCCESS_CODES: Readonly<Record<string, number>> = { '200': 0.8, '201': 0.15, '204': 0.05 };
const ERROR_CODES: Readonly<Record<string, number>> = { '400': 0.3, '404': 0.35, '500': 0.35 };

type Constraint = [Field, string];

interface Combo {
  api: ApiDef;
  app: AppDef | null;
  resource: ResourceDef | null;
  platform: string | null;
  userAgent: string | null;
  code: string | null;
}

function valueOf(field: Field, c: Combo): string {
  switch (field) {
    case 'API_NAME':
      return c.api.name;
    case 'API_VERSION':
      return c.api.version;
    case 'API_CREATOR':
      return c.api.provider;
    case 'DESTINATION':
      return c.api.backend;
    case 'APPLICATION_NAME':
      return c.app?.name ?? '';
    case 'APPLICATION_OWNER':
      return c.app?.owner ?? '';
    case 'API_RESOURCE_TEMPLATE':
      return c.resource?.template ?? '';
    case 'API_METHOD':
      return c.resource?.method ?? '';
    case 'PLATFORM':
      return c.platform ?? '';
    case 'USER_AGENT':
      return c.userAgent ?? '';
    case 'TARGET_RESPONSE_CODE':
      return c.code ?? '';
  }
}

function norm(table: Readonly<Record<string, number>>, key: string): number {
  const sum = Object.values(table).reduce((s, x) => s + x, 0);
  return (table[key] ?? 0) / sum;
}

/** The fraction of an API's requests matching constraints, split into success and error parts. */
function shares(api: ApiDef, cs: readonly Constraint[]): { success: number; errors: number } {
  const want = (f: Field) => cs.filter(([cf]) => cf === f).map(([, v]) => v);
  const fixed: Array<[Field, string]> = [
    ['API_NAME', api.name],
    ['API_VERSION', api.version],
    ['API_CREATOR', api.provider],
    ['DESTINATION', api.backend],
  ];
  if (fixed.some(([f, v]) => want(f).some((w) => w !== v))) {
    return { success: 0, errors: 0 };
  }
  const apps = APPLICATIONS.filter((a) => a.subscriptions[api.id] !== undefined);
  const appTotal = apps.reduce((s, a) => s + a.subscriptions[api.id], 0);
  const appShare =
    apps
      .filter(
        (a) =>
          want('APPLICATION_NAME').every((v) => v === a.name) && want('APPLICATION_OWNER').every((v) => v === a.owner)
      )
      .reduce((s, a) => s + a.subscriptions[api.id], 0) / appTotal;
  const resTotal = api.resources.reduce((s, r) => s + r.weight, 0);
  const resShare =
    api.resources
      .filter(
        (r) =>
          want('API_RESOURCE_TEMPLATE').every((v) => v === r.template) &&
          want('API_METHOD').every((v) => v === r.method)
      )
      .reduce((s, r) => s + r.weight, 0) / resTotal;
  const tableShare = (table: Readonly<Record<string, number>>, values: string[]) =>
    values.length === 0 ? 1 : values.every((v) => v === values[0]) ? norm(table, values[0]) : 0;
  const base =
    appShare *
    resShare *
    tableShare(PLATFORMS[api.deviceProfile], want('PLATFORM')) *
    tableShare(USER_AGENTS[api.deviceProfile], want('USER_AGENT'));
  const codes = want('TARGET_RESPONSE_CODE');
  return { success: base * tableShare(SUCCESS_CODES, codes), errors: base * tableShare(ERROR_CODES, codes) };
}

function metricSeries(
  ctx: RequestContext,
  cells: readonly Cell[],
  f: SeriesFrame,
  metric: Metric,
  cs: readonly Constraint[]
) {
  const latencyKey = LATENCY_METRIC[metric];
  const usage = [];
  for (let i = 0; i < f.buckets.length; i++) {
    const b = f.buckets[i];
    let value = 0;
    let weight = 0;
    const lat = emptySample();
    for (const cell of cells) {
      if (!cell.api) {
        continue;
      }
      const sh = shares(cell.api, cs);
      const s = ctx.model.seriesOf(cell, f.buckets);
      const success = s.success[i] * sh.success;
      const errors = s.errors[i] * sh.errors;
      if (latencyKey) {
        const l = success + errors > 0 ? latencyOver(ctx.model, cell, b.from, b.to) : null;
        if (l) {
          addWeighted(lat, l.sample, success + errors);
          weight += success + errors;
        }
      } else if (metric === 'HIT_COUNT') {
        value += success + errors;
      } else if (metric === 'API_ERRORS') {
        value += errors;
      } else if (metric === 'TARGET_ERRORS') {
        const cats = splitErrorCategories(cell, b.start, s.errors[i], s.errors[i] + s.success[i]);
        value += cats.OTHER * sh.errors;
      } else {
        value += splitCache(cell, b.start, s.success[i]).hits * sh.success;
      }
    }
    const v = latencyKey ? (weight > 0 ? lat[latencyKey] / weight : 0) : value;
    if (Math.round(v) > 0) {
      usage.push({ timeSpan: f.timeSpan(b), value: Math.round(v) });
    }
  }
  return usage;
}

function constraints(fields: ReadonlyArray<Field | null>, values: ReadonlyArray<string | null>): Constraint[] {
  if (values.length > fields.length) {
    throw userError(`groupByValues has ${values.length} entries but groupByFields only ${fields.length}`);
  }
  const out: Constraint[] = [];
  values.forEach((v, i) => {
    const f = fields[i];
    if (f && v !== null && v !== '') {
      out.push([f, v]);
    }
  });
  return out;
}

/** Every distinct value tuple of the fields among the APIs in scope. */
function groupValues(cells: readonly Cell[], fields: readonly Field[], cs: readonly Constraint[]): string[][] {
  const need = (...fs: Field[]) => fields.some((f) => fs.includes(f));
  const seen = new Map<string, string[]>();
  const apis = [...new Set(cells.map((c) => c.api).filter((a): a is ApiDef => a !== null))];
  for (const api of apis) {
    const apps = need('APPLICATION_NAME', 'APPLICATION_OWNER')
      ? APPLICATIONS.filter((a) => a.subscriptions[api.id] !== undefined)
      : [null];
    const resources = need('API_RESOURCE_TEMPLATE', 'API_METHOD') ? api.resources : [null];
    const platforms = need('PLATFORM') ? Object.keys(PLATFORMS[api.deviceProfile]) : [null];
    const agents = need('USER_AGENT') ? Object.keys(USER_AGENTS[api.deviceProfile]) : [null];
    const codes = need('TARGET_RESPONSE_CODE') ? [...Object.keys(SUCCESS_CODES), ...Object.keys(ERROR_CODES)] : [null];
    for (const app of apps) {
      for (const resource of resources) {
        for (const platform of platforms) {
          for (const userAgent of agents) {
            for (const code of codes) {
              const combo: Combo = { api, app, resource, platform, userAgent, code };
              if (cs.every(([f, v]) => valueOf(f, combo) === v)) {
                const tuple = fields.map((f) => valueOf(f, combo));
                seen.set(JSON.stringify(tuple), tuple);
              }
            }
          }
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000'))).slice(0, 1000);
}

interface ReportArgs {
  dataFilter: DataFilterInput;
  timeFilter: TimeFilterInput;
  metric: Metric;
  groupByFields: ReadonlyArray<Field | null>;
  groupByValues: ReadonlyArray<string | null>;
  granularity: string;
}

/** How many groups getCustomReportTopOvertime returns. */
const TOP_N = 5;

export const customReportResolvers = {
  getCustomReportOvertime(args: ReportArgs, ctx: RequestContext) {
    const cs = constraints(args.groupByFields, args.groupByValues);
    const f = frame(ctx, args.timeFilter, args.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { includeUnmatched: false });
    return { usage: metricSeries(ctx, cells, f, args.metric, cs), granularity: f.granularity };
  },

  /** Groups by groupByFields[groupByValues.length] (or the last field) and keeps the top five. */
  getCustomReportTopOvertime(args: ReportArgs, ctx: RequestContext) {
    const fields = args.groupByFields.filter((x): x is Field => !!x);
    if (fields.length === 0) {
      throw userError('groupByFields must name at least one field');
    }
    const cs = constraints(args.groupByFields, args.groupByValues);
    const groupField = fields[Math.min(args.groupByValues.length, fields.length - 1)];
    const f = frame(ctx, args.timeFilter, args.granularity);
    const cells = resolveCells(ctx, args.dataFilter, { includeUnmatched: false });
    const base = cs.filter(([field]) => field !== groupField);
    const groups = groupValues(cells, [groupField], base).map(([value]) => {
      const usage = metricSeries(ctx, cells, f, args.metric, [...base, [groupField, value]]);
      return { groupByValue: value, usage, total: usage.reduce((s, u) => s + u.value, 0) };
    });
    const usage = groups
      .filter((g) => g.total > 0)
      .sort((a, b) => b.total - a.total || a.groupByValue.localeCompare(b.groupByValue))
      .slice(0, TOP_N)
      .map((g) => ({ groupByValue: g.groupByValue, usage: g.usage }));
    return { usage, granularity: f.granularity };
  },

  getGroupByValues(
    args: {
      dataFilter: DataFilterInput;
      groupByFields: ReadonlyArray<Field | null>;
      groupByValues: ReadonlyArray<string | null>;
    },
    ctx: RequestContext
  ) {
    const fields = args.groupByFields.filter((x): x is Field => !!x);
    const cs = constraints(args.groupByFields, args.groupByValues);
    return groupValues(resolveCells(ctx, args.dataFilter, { includeUnmatched: false }), fields, cs);
  },
};

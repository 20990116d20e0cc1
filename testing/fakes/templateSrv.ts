/**
 * The one TemplateSrv fake of the project's tests, the sandbox and the scripts. It follows
 * Grafana's public/app/features/templating/template_srv.ts, formatVariableValue.ts and
 * formatRegistry.ts where a data source can observe them: the three reference syntaxes, scoped
 * variables first (a null scoped value falls through to the variable), field paths, multi-value
 * and All selections (a custom all value is interpolated as written, formatted only by `text`
 * and `percentencode`), the `:format` suffixes and format functions (called with the selection
 * itself, an array for several values, the variable and the formatter), unknown references left
 * as written, `$__from` / `$__to` from the time range (with `:date` formats), and ad-hoc filters.
 * Only types come from @grafana/*, so it loads in plain Node and in the sandbox bundle.
 */
import type { AdHocVariableFilter, ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv, VariableInterpolation } from '@grafana/runtime';

export const ALL_VALUE = '$__all';

export interface FakeVariable {
  name: string;
  label?: string;
  /** The selection: one value, several, or `$__all`. */
  value: string | string[];
  text?: string | string[];
  /** What All expands to (the variable's options, All excluded). */
  options?: string[];
  /** A custom all value, used as written when All is selected. */
  allValue?: string;
  multi?: boolean;
  includeAll?: boolean;
  /** 'query', 'custom', 'constant', 'textbox', 'interval'... (default 'custom'). */
  type?: string;
}

// template_srv.ts variableRegex: $name, [[name:format]], ${name.fieldPath:format}
const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

// Grafana's VariableCustomFormatterFn; a plain Function is what TemplateSrv.replace declares.
type FormatFn = (value: unknown, variable?: unknown, formatter?: unknown) => string;
type Format = string | FormatFn | undefined;

function regexEscape(v: string): string {
  return v.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

function luceneEscape(v: string): string {
  return Number.isNaN(Number(v)) ? v.replace(/([!*+\-=<>\s&|()[\]{}^~?:\\/"])/g, '\\$1') : v;
}

function encodeStrict(v: string): string {
  return encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** formatRegistry.ts, for string and string[] values. */
export function formatValue(value: string | string[], format: string, name: string, text?: string | string[]): string {
  const list = Array.isArray(value) ? value : undefined;
  const [id, ...args] = format.split(':');
  switch (id) {
    case 'raw':
      return String(value);
    case 'regex': {
      if (!list) {
        return regexEscape(value as string);
      }
      const escaped = list.map(regexEscape);
      return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
    }
    case 'lucene':
      if (!list) {
        return luceneEscape(value as string);
      }
      return list.length === 0 ? '__empty__' : `(${list.map((v) => `"${luceneEscape(v)}"`).join(' OR ')})`;
    case 'pipe':
      return list ? list.join('|') : (value as string);
    case 'distributed':
      return list ? list.map((v, i) => (i === 0 ? v : `${name}=${v}`)).join(',') : (value as string);
    case 'csv':
      return list ? list.join(',') : (value as string);
    case 'join':
      return list ? list.join(args[0] ?? ',') : (value as string);
    case 'json':
      return JSON.stringify(value);
    case 'percentencode':
      return encodeStrict(list ? `{${list.join(',')}}` : (value as string));
    case 'singlequote':
      return (list ?? [value as string]).map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'doublequote':
      return (list ?? [value as string]).map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',');
    case 'sqlstring':
      return (list ?? [value as string]).map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
    case 'queryparam':
      return (list ?? [value as string]).map((v) => `var-${name}=${encodeStrict(v)}`).join('&');
    case 'text':
      return Array.isArray(text) ? text.join(' + ') : (text ?? String(value));
    case 'date': {
      const ms = Number(value);
      if (Number.isNaN(ms)) {
        return String(value);
      }
      const arg = args[0] ?? 'iso';
      // Other moment formats ("YYYY-MM") are not used by this plugin; they read as ISO here.
      return arg === 'ms'
        ? String(value)
        : arg === 'seconds'
          ? String(Math.round(ms / 1000))
          : new Date(ms).toISOString();
    }
    case 'glob':
    default:
      return list && list.length > 1 ? `{${list.join(',')}}` : String(list ? (list[0] ?? '') : value);
  }
}

/** The value at a field path ("a.b", "a[0].b") of a scoped value, as lodash `property` reads it. */
function atPath(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const key of path
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (v === null || typeof v !== 'object') {
      return undefined;
    }
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** formatVariableValue.ts: null is empty, objects become text, functions get the formatter. */
function formatVariableValue(value: unknown, format: Format, variable: unknown, text?: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  const v = !Array.isArray(value) && typeof value === 'object' ? String(value) : value;
  if (typeof format === 'function') {
    return format(v, variable ?? {}, (x: unknown, f?: string) => formatVariableValue(x, f, variable));
  }
  const name = (variable as { name?: string } | undefined)?.name ?? '';
  const shownText =
    text === undefined || text === null ? undefined : Array.isArray(text) ? text.map(String) : String(text);
  const selection = Array.isArray(v) ? v.map(String) : String(v);
  return formatValue(selection, format ?? 'glob', name, shownText);
}

export class TemplateSrvFake implements TemplateSrv {
  private readonly byName = new Map<string, FakeVariable>();
  private range?: TimeRange;
  private adhoc: AdHocVariableFilter[] = [];

  /** Variables in dashboard order; a record is name → selection (an array for multi-value). */
  constructor(variables: readonly FakeVariable[] | Record<string, string | string[]> = []) {
    const list: readonly FakeVariable[] = Array.isArray(variables)
      ? variables
      : Object.entries(variables).map(([name, value]) => ({ name, value, multi: Array.isArray(value) }));
    for (const v of list) {
      this.byName.set(v.name, v);
    }
  }

  /** Sets (or replaces) a variable's selection, as the dashboard's picker does. */
  set(name: string, value: string | string[], more: Partial<FakeVariable> = {}): this {
    const old = this.byName.get(name);
    this.byName.set(name, { ...old, ...more, name, value });
    return this;
  }

  setAdhocFilters(filters: AdHocVariableFilter[]): this {
    this.adhoc = filters;
    return this;
  }

  getVariables(): TypedVariableModel[] {
    return [...this.byName.values()].map(
      (v) =>
        // The fields a data source reads of a variable model; the full model has dozens more.
        ({
          name: v.name,
          label: v.label,
          type: v.type ?? 'custom',
          multi: v.multi ?? Array.isArray(v.value),
          includeAll: v.includeAll ?? isAll(v.value),
          allValue: v.allValue,
          current: { value: v.value, text: v.text ?? v.value },
          options: (v.options ?? []).map((o) => ({ value: o, text: o, selected: false })),
        }) as unknown as TypedVariableModel
    );
  }

  /** template_srv.ts: whether the first reference in the text names a defined variable. */
  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    const m = new RegExp(REFERENCE.source).exec(target);
    const name = m ? (m[1] ?? m[2] ?? m[4]) : undefined;
    return name !== undefined && this.byName.has(name);
  }

  updateTimeRange(range: TimeRange): void {
    this.range = range;
  }

  getAdhocFilters(): AdHocVariableFilter[] {
    return this.adhoc;
  }

  replace(
    target?: string,
    scopedVars?: ScopedVars,
    format?: string | Function,
    interpolations?: VariableInterpolation[]
  ): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      REFERENCE,
      (match, v1?: string, v2?: string, f2?: string, v4?: string, fieldPath?: string, f4?: string) => {
        const variableName = (v1 ?? v2 ?? v4)!;
        const fmt = (f2 ?? f4 ?? format) as Format;
        const value = this.evaluate(match, variableName, fieldPath, fmt, scopedVars);
        interpolations?.push({
          match,
          variableName,
          fieldPath,
          format: typeof fmt === 'string' ? fmt : undefined,
          value,
          found: value !== match,
        });
        return value;
      }
    );
  }

  /** template_srv.ts _evaluateVariableExpression. */
  private evaluate(
    match: string,
    name: string,
    fieldPath: string | undefined,
    format: Format,
    scopedVars: ScopedVars | undefined
  ): string {
    const variable = this.byName.get(name);
    const model = variable ? this.model(variable) : undefined;
    const scoped = scopedVars && Object.prototype.hasOwnProperty.call(scopedVars, name) ? scopedVars[name] : undefined;
    if (scoped) {
      const value = fieldPath ? atPath(scoped.value, fieldPath) : scoped.value;
      const text = scoped.value === value || typeof value !== 'string' ? scoped.text : value;
      if (value !== null && value !== undefined) {
        return formatVariableValue(value, format, model, text);
      }
    }
    if (!variable) {
      if ((name === '__from' || name === '__to') && this.range) {
        return formatVariableValue((name === '__from' ? this.range.from : this.range.to).valueOf(), format, undefined);
      }
      return match;
    }
    let value: unknown = variable.value;
    let text: unknown = variable.text ?? variable.value;
    if (isAll(variable.value)) {
      text = 'All';
      // Skip formatting of custom all values unless the format is text or percentencode.
      if (variable.allValue && format !== 'text' && format !== 'percentencode') {
        return this.replace(variable.allValue);
      }
      value = variable.allValue || (variable.options ?? []);
    }
    if (fieldPath) {
      const fieldValue = atPath({ value, text }, fieldPath);
      if (fieldValue !== null && fieldValue !== undefined) {
        return formatVariableValue(fieldValue, format, model, text);
      }
    }
    return formatVariableValue(value, format, model, text);
  }

  private model(v: FakeVariable) {
    return {
      name: v.name,
      type: v.type ?? 'custom',
      multi: v.multi ?? Array.isArray(v.value),
      includeAll: v.includeAll ?? isAll(v.value),
    };
  }
}

function isAll(value: string | string[]): boolean {
  return value === ALL_VALUE || (Array.isArray(value) && value[0] === ALL_VALUE);
}

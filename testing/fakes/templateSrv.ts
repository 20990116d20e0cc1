/**
 * The one TemplateSrv fake of the project's tests, the sandbox and the scripts. It follows
 * Grafana's public/app/features/templating/template_srv.ts and formatRegistry.ts where a data
 * source can observe them: the three reference syntaxes, scoped variables first, multi-value and
 * All selections (a custom all value is used as written), the `:format` suffixes and format
 * functions (called with the selection itself: an array for several values), unknown references
 * left as written, `$__from` / `$__to` from the time range, and ad-hoc filters.
 */
import type { AdHocVariableFilter, ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

export const ALL_VALUE = '$__all';

export interface FakeVariable {
  name: string;
  /** The selection: one value, several, or `$__all`. */
  value: string | string[];
  text?: string | string[];
  /** What All expands to (the variable's options, All excluded). */
  options?: string[];
  /** A custom all value, used as written when All is selected. */
  allValue?: string;
  multi?: boolean;
  includeAll?: boolean;
  type?: 'query' | 'custom' | 'constant' | 'textbox' | 'interval';
}

// template_srv.ts variableRegex: $name, [[name:format]], ${name.fieldPath:format}
const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

type Format = string | ((value: unknown, variable?: unknown, formatter?: unknown) => string) | undefined;

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
      const arg = args[0] ?? 'iso';
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

export class TemplateSrvFake implements TemplateSrv {
  private readonly byName = new Map<string, FakeVariable>();
  private range?: TimeRange;
  private adhoc: AdHocVariableFilter[] = [];

  constructor(variables: FakeVariable[] | Record<string, string | string[]> = []) {
    const list = Array.isArray(variables)
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
          type: v.type ?? 'custom',
          multi: v.multi ?? Array.isArray(v.value),
          includeAll: v.includeAll ?? v.value === ALL_VALUE,
          allValue: v.allValue,
          current: { value: v.value, text: v.text ?? v.value },
          options: (v.options ?? []).map((o) => ({ value: o, text: o, selected: false })),
        }) as unknown as TypedVariableModel
    );
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    for (const m of target.matchAll(REFERENCE)) {
      if (this.lookup(m[1] ?? m[2] ?? m[4], undefined) !== undefined) {
        return true;
      }
    }
    return false;
  }

  updateTimeRange(range: TimeRange): void {
    this.range = range;
  }

  getAdhocFilters(): AdHocVariableFilter[] {
    return this.adhoc;
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: Format): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(REFERENCE, (match, v1, v2, f2, v4, fieldPath, f4) => {
      const name: string = v1 ?? v2 ?? v4;
      const fmt: Format = f2 ?? f4 ?? format;
      const found = this.lookup(name, scopedVars);
      if (found === undefined || (fieldPath && !scopedVars?.[name])) {
        return match;
      }
      if (typeof fmt === 'function') {
        return fmt(found.value, { name }, formatValue);
      }
      if (found.custom) {
        return found.value as string;
      }
      return formatValue(found.value, fmt ?? 'glob', name, found.text);
    });
  }

  private lookup(
    name: string,
    scopedVars: ScopedVars | undefined
  ): { value: string | string[]; text?: string | string[]; custom?: boolean } | undefined {
    if (scopedVars && Object.prototype.hasOwnProperty.call(scopedVars, name) && scopedVars[name]) {
      const s = scopedVars[name]!;
      return { value: s.value as string | string[], text: s.text as string | undefined };
    }
    if ((name === '__from' || name === '__to') && this.range) {
      return { value: String((name === '__from' ? this.range.from : this.range.to).valueOf()) };
    }
    const v = this.byName.get(name);
    if (!v) {
      return undefined;
    }
    const all = v.value === ALL_VALUE || (Array.isArray(v.value) && v.value[0] === ALL_VALUE);
    if (all) {
      // A custom all value is not formatted (template_srv skips formatting for it).
      return v.allValue !== undefined ? { value: v.allValue, custom: true } : { value: v.options ?? [], text: 'All' };
    }
    return { value: v.value, text: v.text };
  }
}

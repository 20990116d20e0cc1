import type { ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

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
}

type FormatFn = (value: string | string[], variable: unknown, fallback: (v: string | string[]) => string) => string;

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::([^}]+))?\}|\[\[(\w+)(?::(\w+))?\]\]/g;

/** Grafana's formats for the values these dashboards use; anything else falls back to csv. */
function format(value: string | string[], fmt: string | undefined): string {
  if (!Array.isArray(value)) {
    return fmt === 'json' ? JSON.stringify(value) : value;
  }
  switch (fmt) {
    case 'pipe':
      return value.join('|');
    case 'json':
      return JSON.stringify(value);
    case 'csv':
    case 'raw':
    case 'text':
      return value.join(',');
    default:
      // Grafana's default for a multi-value variable without a format.
      return value.length > 1 ? `{${value.join(',')}}` : (value[0] ?? '');
  }
}

/**
 * Grafana's template service as far as query execution reaches it: variable interpolation
 * (`$x`, `${x}`, `${x:fmt}`, `[[x]]`, format functions, scoped vars first) over variables resolved
 * the way a dashboard resolves them on load.
 */
export class DashboardTemplateSrv implements TemplateSrv {
  private range?: TimeRange;

  constructor(private readonly variables: ResolvedVariable[]) {}

  getVariables(): TypedVariableModel[] {
    // Only name/type/current/options are read by data sources; the full union is Grafana's.
    return this.variables.map((v) => ({
      name: v.name,
      type: v.type,
      multi: v.multi,
      includeAll: v.includeAll,
      current: { text: v.text, value: v.value },
      options: v.options.map((o) => ({ text: o, value: o, selected: false })),
    })) as unknown as TypedVariableModel[];
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    VARIABLE.lastIndex = 0;
    for (let m = VARIABLE.exec(target); m; m = VARIABLE.exec(target)) {
      if (this.lookup(m[1] ?? m[2] ?? m[4])) {
        return true;
      }
    }
    return false;
  }

  updateTimeRange(timeRange: TimeRange): void {
    this.range = timeRange;
  }

  replace(target?: string, scopedVars?: ScopedVars, fmt?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      VARIABLE,
      (match, simple?: string, braced?: string, bracedFmt?: string, old?: string, oldFmt?: string) => {
        const name = simple ?? braced ?? old ?? '';
        const scoped = scopedVars?.[name];
        const variable = this.lookup(name);
        const value = scoped ? (scoped.value as string | string[]) : variable?.value;
        if (value === undefined) {
          return this.builtIn(name) ?? match;
        }
        const expanded = variable && !scoped && isAll(value) ? variable.options : value;
        if (typeof fmt === 'function') {
          return (fmt as FormatFn)(expanded, variable, (v) => format(v, undefined));
        }
        return format(expanded, bracedFmt ?? oldFmt ?? fmt);
      }
    );
  }

  private lookup(name: string): ResolvedVariable | undefined {
    return this.variables.find((v) => v.name === name);
  }

  private builtIn(name: string): string | undefined {
    if (!this.range) {
      return undefined;
    }
    if (name === '__from') {
      return String(this.range.from.valueOf());
    }
    if (name === '__to') {
      return String(this.range.to.valueOf());
    }
    return undefined;
  }
}

function isAll(value: string | string[]): boolean {
  return Array.isArray(value) ? value.includes('$__all') : value === '$__all';
}

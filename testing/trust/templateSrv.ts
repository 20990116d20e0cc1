import type { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

const REF = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

type FormatFn = (value: unknown) => string;

/**
 * Grafana's TemplateSrv as the plugin observes it: unknown references are left as written,
 * containsTemplate is true only for defined variables, a format function receives the
 * selection itself (an array for multi-value, possibly empty), getVariables lists `current`.
 */
export function trustTemplateSrv(vars: Record<string, string | string[]>): TemplateSrv {
  const valueOf = (name: string, scoped?: ScopedVars): unknown => scoped?.[name]?.value ?? vars[name];
  const srv: Partial<TemplateSrv> = {
    containsTemplate: (target?: string) =>
      [...(target ?? '').matchAll(REF)].some((m) => (m[1] ?? m[2] ?? m[4]) in vars),
    replace: (target?: string, scopedVars?: ScopedVars, format?: string | Function) =>
      (target ?? '').replace(
        REF,
        (whole, a?: string, b?: string, fmtB?: string, c?: string, _p?: string, fmtC?: string) => {
          const value = valueOf((a ?? b ?? c)!, scopedVars);
          if (value === undefined) {
            return whole;
          }
          if (typeof format === 'function') {
            return (format as FormatFn)(value);
          }
          const fmt = fmtB ?? fmtC ?? format;
          if (Array.isArray(value)) {
            return fmt === 'json' ? JSON.stringify(value) : value.join(',');
          }
          return String(value);
        }
      ),
    // Only name and current are read by the plugin; the full model has dozens of fields.
    getVariables: () =>
      Object.entries(vars).map(
        ([name, value]) => ({ name, current: { value, text: value } }) as unknown as TypedVariableModel
      ),
    updateTimeRange: () => {},
  };
  return srv as TemplateSrv;
}

import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

const REF = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

type FormatFn = (value: unknown, variable?: unknown) => string;

/**
 * A TemplateSrv that behaves like Grafana's for what the plugin uses: `replace` with a format
 * function gets the selection (arrays for multi-value), `containsTemplate` is true only for
 * defined variables, unknown references are left as they are.
 */
export function fakeTemplateSrv(vars: Record<string, string | string[]>): TemplateSrv {
  const valueOf = (name: string, scoped?: ScopedVars) => scoped?.[name]?.value ?? vars[name];
  const srv: Partial<TemplateSrv> = {
    containsTemplate: (target?: string) => {
      if (!target) {
        return false;
      }
      const m = new RegExp(REF.source).exec(target);
      const name = m && (m[1] ?? m[2] ?? m[4]);
      return !!name && name in vars;
    },
    replace: (target?: string, scopedVars?: ScopedVars, format?: string | Function) =>
      (target ?? '').replace(REF, (whole, a, b, fmtB, c, _path, fmtC) => {
        const name = a ?? b ?? c;
        const value = valueOf(name, scopedVars);
        if (value === undefined) {
          return whole;
        }
        if (typeof format === 'function') {
          return (format as FormatFn)(value);
        }
        const fmt = fmtB ?? fmtC ?? format;
        if (Array.isArray(value)) {
          return fmt === 'pipe' ? value.join('|') : fmt === 'json' ? JSON.stringify(value) : value.join(',');
        }
        return String(value);
      }),
    getVariables: () => [],
    updateTimeRange: () => {},
  };
  return srv as TemplateSrv;
}

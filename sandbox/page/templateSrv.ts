/**
 * A small TemplateSrv with two demo dashboard variables, so editors can offer `$environment` and
 * `$apis` and queries interpolate them the way Grafana would (multi-value as arrays for format
 * functions, `{a,b}` glob syntax without a format, scoped vars first).
 */
import type { ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { APIS, ENV_IDS } from '../../emulator/demo';

interface DemoVariable {
  name: string;
  label: string;
  value: string | string[];
  text: string | string[];
}

export const DEMO_VARIABLES: DemoVariable[] = [
  { name: 'environment', label: 'Environment', value: ENV_IDS.production, text: 'Production' },
  {
    name: 'apis',
    label: 'APIs',
    value: [APIS[0].id, APIS[2].id],
    text: [`${APIS[0].name} ${APIS[0].version}`, `${APIS[2].name} ${APIS[2].version}`],
  },
];

// $name, [[name]] / [[name:fmt]], ${name} / ${name.path} / ${name:fmt}: Grafana's variable regex.
const REF = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

function format(value: unknown, fmt: string | undefined): string {
  if (!Array.isArray(value)) {
    return fmt === 'json' ? JSON.stringify(value) : String(value);
  }
  switch (fmt) {
    case 'csv':
    case 'raw':
      return value.join(',');
    case 'pipe':
      return value.join('|');
    case 'json':
      return JSON.stringify(value);
    case 'singlequote':
      return value.map((v) => `'${v}'`).join(',');
    case 'doublequote':
      return value.map((v) => `"${v}"`).join(',');
    default:
      return value.length > 1 ? `{${value.join(',')}}` : String(value[0] ?? '');
  }
}

export class SandboxTemplateSrv implements TemplateSrv {
  private range?: TimeRange;

  private lookup(name: string, scopedVars?: ScopedVars): unknown {
    const scoped = scopedVars?.[name];
    if (scoped) {
      return scoped.value;
    }
    if (name === '__from' && this.range) {
      return String(this.range.from.valueOf());
    }
    if (name === '__to' && this.range) {
      return String(this.range.to.valueOf());
    }
    return DEMO_VARIABLES.find((v) => v.name === name)?.value;
  }

  getVariables(): TypedVariableModel[] {
    // Only name/label/current/options are read by plugins; the full model has dozens of
    // dashboard-internal fields the sandbox has no use for.
    return DEMO_VARIABLES.map(
      (v) =>
        ({
          type: 'custom',
          id: v.name,
          name: v.name,
          label: v.label,
          multi: Array.isArray(v.value),
          includeAll: false,
          current: { text: v.text, value: v.value, selected: true },
          options: [],
          query: '',
        }) as unknown as TypedVariableModel
    );
  }

  replace(target?: string, scopedVars?: ScopedVars, fmt?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      REF,
      (whole, a?: string, b?: string, fmtB?: string, c?: string, _p?: string, fmtC?: string) => {
        const name = a ?? b ?? c ?? '';
        const value = this.lookup(name, scopedVars);
        if (value === undefined) {
          return whole;
        }
        if (typeof fmt === 'function') {
          return String(fmt(value));
        }
        return format(value, fmtB ?? fmtC ?? fmt);
      }
    );
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    for (const m of target.matchAll(REF)) {
      const name = m[1] ?? m[2] ?? m[4];
      if (name && this.lookup(name) !== undefined) {
        return true;
      }
    }
    return false;
  }

  updateTimeRange(range: TimeRange): void {
    this.range = range;
  }
}

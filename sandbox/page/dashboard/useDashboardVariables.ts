/**
 * A dashboard's variables resolved as Grafana resolves them on load (the saved selection when it
 * is All or an option, else the first option; All expands to every option), and installed as the
 * global TemplateSrv while the dashboard is shown: the DataSource looks it up on every query,
 * as it does in Grafana where the service holds the open dashboard's variables.
 */
import { useEffect, useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { getTemplateSrv, setTemplateSrv } from '@grafana/runtime';

import type { DashboardJson } from '../../../testing/ship/lib/dashboards';
import { dashboardTemplateSrv, resolveVariables, type ResolvedVariable } from '../../../testing/ship/lib/variables';
import type { SandboxDataSource } from '../createDataSource';

export type VariablesState =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; variables: ResolvedVariable[] };

export function useDashboardVariables(
  dashboard: DashboardJson,
  datasource: SandboxDataSource,
  range: TimeRange
): VariablesState {
  // Tagged with its inputs: a result for another dashboard or range reads as still loading.
  const [result, setResult] = useState<{ dashboard?: DashboardJson; range?: TimeRange; value: VariablesState }>({
    value: { state: 'loading' },
  });

  useEffect(() => {
    let cancelled = false;
    const previous = getTemplateSrv();
    resolveVariables(dashboard, datasource, range).then(
      (variables) => {
        if (cancelled) {
          return;
        }
        setTemplateSrv(dashboardTemplateSrv(variables, range));
        setResult({ dashboard, range, value: { state: 'done', variables } });
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (!cancelled) {
          setResult({ dashboard, range, value: { state: 'error', message } });
        }
      }
    );
    return () => {
      cancelled = true;
      // The other tabs' editors go back to the sandbox's demo variables.
      setTemplateSrv(previous);
    };
  }, [dashboard, datasource, range]);

  return result.dashboard === dashboard && result.range === range ? result.value : { state: 'loading' };
}

/** A panel title with `$var` / `${var}` shown as the variable's text, as Grafana shows it. */
export function interpolateTitle(title: string, variables: ResolvedVariable[]): string {
  return title.replace(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)/g, (whole, braced?: string, simple?: string) => {
    const variable = variables.find((v) => v.name === (braced ?? simple));
    if (!variable) {
      return whole;
    }
    return Array.isArray(variable.text) ? variable.text.join(' + ') : variable.text;
  });
}

/**
 * HTTP requests per refresh of each provisioned dashboard, counted at the emulator: every panel
 * through the real DataSource, the Grafana-faithful proxy and the emulator, variables resolved
 * as on load (testing/ship/lib/panelRunner, shared with scripts/checkDashboards.ts).
 */
import type { Stack } from '../testing/stack/startStack';
import type { DashboardPanel } from '../testing/ship/lib/dashboards';

export interface DashboardRow {
  dashboard: string;
  panels: number;
  targets: number;
  /** Distinct GraphQL documents the targets send (what an unbatched plugin sends at least). */
  distinctDocuments: number;
  /** Requests with one request per target (pages and lookups included), warm caches. */
  unbatchedRequests: number;
  /** First load of a fresh instance: lists and schema lookups included. */
  coldRequests: number;
  /** Every later refresh. */
  warmRequests: number;
  failedPanels: number;
}

interface Body {
  query?: string;
  operationName?: string;
}

const isLookup = (b: Body) => /^(List|IntrospectionQuery)/.test(b.operationName ?? '');

export async function benchDashboards(stack: Stack, log: (s: string) => void): Promise<DashboardRow[]> {
  const { loadDashboards, queryPanels } = await import('../testing/ship/lib/dashboards');
  const { dashboardRange, resolveVariables, runPanel } = await import('../testing/ship/lib/panelRunner');
  const rows: DashboardRow[] = [];
  const requests = () => stack.emulator.stats.graphqlRequests;

  for (const { file, json } of loadDashboards()) {
    const ds = stack.dataSource();
    const range = dashboardRange(json);
    const variables = await resolveVariables(json, ds, range);
    const panels = queryPanels(json);
    const targets = panels.flatMap((p) => (p.targets ?? []).filter((t) => !t.hide));

    // Grafana runs a dashboard's panels at the same time.
    const refresh = async () => {
      const before = requests();
      const results = await Promise.all(panels.map((p) => runPanel(ds, p, variables, range)));
      return { count: requests() - before, failed: results.filter((r) => !r.ok).length };
    };
    const cold = await refresh();
    const warm = await refresh();

    // Baseline: each target as a panel of its own, one after the other.
    const sentBefore = stack.browser.requests.length;
    const before = requests();
    let id = 10_000;
    for (const p of panels) {
      for (const t of (p.targets ?? []).filter((x) => !x.hide)) {
        const single: DashboardPanel = { ...p, id: id++, targets: [t] };
        await runPanel(ds, single, variables, range);
      }
    }
    const unbatched = requests() - before;
    const documents = new Set(
      stack.browser.requests
        .slice(sentBefore)
        .map((r) => JSON.parse(r.body ?? '{}') as Body)
        .filter((b) => !isLookup(b))
        .map((b) => b.query)
    );
    const row: DashboardRow = {
      dashboard: file.replace(/^.*\//, ''),
      panels: panels.length,
      targets: targets.length,
      distinctDocuments: documents.size,
      unbatchedRequests: unbatched,
      coldRequests: cold.count,
      warmRequests: warm.count,
      failedPanels: cold.failed + warm.failed,
    };
    log(`  ${row.dashboard}: ${row.targets} targets, ${row.warmRequests} requests per refresh`);
    rows.push(row);
  }
  return rows;
}

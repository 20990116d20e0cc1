import type { Response } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** The plugin and the provisioned emulator data source (provisioning/datasources/). */
export const PLUGIN_ID = 'choreo-insights-datasource';
export const EMULATOR_DS_FILE = 'choreo-emulator.yaml';
export const EMULATOR_DS_UID = 'choreo-insights-emulator';
/** The only plugin.json route; the browser reaches it through Grafana's data source proxy. */
export const INSIGHTS_ROUTE = 'insights';

/** Calls of a panel or health check: the frontend-only plugin never calls /api/ds/query. */
export function isInsightsProxyResponse(response: Response): boolean {
  const url = new URL(response.url());
  return url.pathname.startsWith('/api/datasources/proxy/uid/') && url.pathname.endsWith(`/${INSIGHTS_ROUTE}`);
}

export interface DashboardFile {
  file: string;
  uid: string;
  title: string;
  panels: Array<{ id: number; title: string; type: string }>;
}

/**
 * The plugin's dashboards, read from their one source of truth. Grafana provisions the same
 * files (docker-compose.yaml mounts src/dashboards/), so their uids are valid in the stack.
 */
export function readDashboards(): DashboardFile[] {
  const dir = path.resolve(__dirname, '../src/dashboards');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<DashboardFile, 'file'>),
    }));
}

/** The alert rule of provisioning/alerting/choreo-insights-rules.yaml. */
export const ORDERS_ERROR_RATE_RULE_UID = 'choreo-orders-api-error-rate';

/**
 * The provisioned dashboards (src/dashboards, what Grafana users get), bundled into the page so
 * the Dashboards tab renders exactly the JSON that ships.
 */
import type { DashboardJson } from '../../../testing/ship/lib/dashboards';
import alerts from '../../../src/dashboards/alerts.json';
import cacheDevices from '../../../src/dashboards/cache-devices.json';
import errors from '../../../src/dashboards/errors.json';
import latency from '../../../src/dashboards/latency.json';
import overview from '../../../src/dashboards/overview.json';
import traffic from '../../../src/dashboards/traffic.json';

export interface DashboardFile {
  /** The file name without `.json`: the URL and the tests name dashboards by it. */
  key: string;
  json: DashboardJson;
}

// The JSON modules' inferred literal types are narrower than (and not assignable to) the loose
// DashboardJson shape that the dashboard checks also use.
const asDashboard = (json: unknown) => json as DashboardJson;

/** In the order of the Choreo console's pages; Overview first (the default). */
export const DASHBOARD_FILES: DashboardFile[] = [
  { key: 'overview', json: asDashboard(overview) },
  { key: 'traffic', json: asDashboard(traffic) },
  { key: 'errors', json: asDashboard(errors) },
  { key: 'latency', json: asDashboard(latency) },
  { key: 'cache-devices', json: asDashboard(cacheDevices) },
  { key: 'alerts', json: asDashboard(alerts) },
];

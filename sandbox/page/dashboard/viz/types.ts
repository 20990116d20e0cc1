import type { DataFrame, TimeRange } from '@grafana/data';

import type { DashboardPanel } from '../../../../testing/ship/lib/dashboards';

/** What every visualisation gets: frames with the panel's field config applied, and its size. */
export interface VizProps {
  frames: DataFrame[];
  panel: DashboardPanel;
  width: number;
  height: number;
  timeRange: TimeRange;
}

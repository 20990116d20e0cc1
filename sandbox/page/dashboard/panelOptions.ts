/**
 * The parts of a panel's JSON the visualisations read. The dashboards are plain JSON
 * (DashboardPanel keeps everything else as unknown); these are the shapes Grafana's panels give
 * those keys, with Grafana's defaults where a dashboard leaves one out.
 */
import {
  getFieldDisplayValues,
  ReducerID,
  type DataFrame,
  type FieldConfigSource,
  type FieldDisplay,
  type GrafanaTheme2,
  type ReduceDataOptions,
} from '@grafana/data';
import { LegendDisplayMode, type VizLegendOptions } from '@grafana/schema';

import type { DashboardPanel } from '../../../testing/ship/lib/dashboards';

export interface PanelOptions {
  reduceOptions?: ReduceDataOptions;
  legend?: Partial<VizLegendOptions> & { values?: string[] };
  colorMode?: string;
  graphMode?: string;
  textMode?: string;
  justifyMode?: string;
  orientation?: string;
  showValue?: string;
  stacking?: string;
  pieType?: string;
  displayLabels?: string[];
  showHeader?: boolean;
  cellHeight?: string;
}

export function panelOptions(panel: DashboardPanel): PanelOptions {
  return (panel.options ?? {}) as PanelOptions;
}

export function panelFieldConfig(panel: DashboardPanel): FieldConfigSource {
  return (panel.fieldConfig ?? { defaults: {}, overrides: [] }) as FieldConfigSource;
}

export function legendOptions(panel: DashboardPanel): VizLegendOptions {
  const legend = panelOptions(panel).legend ?? {};
  return {
    showLegend: legend.showLegend ?? true,
    displayMode: legend.displayMode ?? LegendDisplayMode.List,
    placement: legend.placement ?? 'bottom',
    calcs: legend.calcs ?? [],
  };
}

/** The values a stat or pie chart shows: one per field (reduced) or one per row, as Grafana. */
export function fieldDisplayValues(
  frames: DataFrame[],
  panel: DashboardPanel,
  theme: GrafanaTheme2,
  reduceOptions: ReduceDataOptions = panelOptions(panel).reduceOptions ?? { calcs: [ReducerID.lastNotNull] }
): FieldDisplay[] {
  return getFieldDisplayValues({
    data: frames,
    reduceOptions,
    fieldConfig: panelFieldConfig(panel),
    replaceVariables: (value) => value,
    theme,
    timeZone: 'browser',
  });
}

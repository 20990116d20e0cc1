import type { Field } from '@grafana/data';
import type { VizLegendItem } from '@grafana/ui';

/** A legend entry per series field, in the field's own (override-aware) colour. */
export function seriesLegendItems(fields: Field[]): VizLegendItem[] {
  return fields.map((field, i) => ({
    label: field.state?.displayName ?? field.name,
    color: field.display?.(field.values[0]).color,
    yAxis: 1,
    fieldName: field.name,
    getItemKey: () => `${i}-${field.name}`,
  }));
}

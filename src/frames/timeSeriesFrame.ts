import type { DataFrame, Field, FieldConfig, Labels } from '@grafana/data';

import { alignSeries, type BucketGrid, type PointSeries } from './align';
import { frameOf, numberField, timeField } from './fields';

export interface SeriesSpec {
  /** Field name: the metric (e.g. "Hits"); the same for every series of a per-API view. */
  field: string;
  /** What legends show, e.g. "Orders API v1". */
  displayName?: string;
  labels?: Labels;
  unit: string;
  config?: FieldConfig;
  points: PointSeries;
}

/**
 * One `timeseries-wide` frame: a shared time field, then one number field per series, aligned
 * on the merged bucket times (see alignSeries).
 */
export function wideTimeSeriesFrame(specs: SeriesSpec[], grid?: BucketGrid): DataFrame {
  const points = new Array<PointSeries>(specs.length);
  for (let i = 0; i < specs.length; i++) {
    points[i] = specs[i].points;
  }
  const { times, columns } = alignSeries(points, grid);
  const fields = new Array<Field>(specs.length + 1);
  fields[0] = timeField(times);
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    fields[i + 1] = numberField(s.field, columns[i], {
      unit: s.unit,
      displayName: s.displayName,
      labels: s.labels,
      config: s.config,
    });
  }
  return frameOf(fields);
}

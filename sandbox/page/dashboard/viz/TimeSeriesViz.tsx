import React from 'react';
import { FieldType, type DataFrame } from '@grafana/data';
import { TimeSeries } from '@grafana/ui';

import { legendOptions } from '../panelOptions';
import type { VizProps } from './types';

const drawable = (frame: DataFrame) =>
  frame.length > 0 &&
  frame.fields.some((f) => f.type === FieldType.time) &&
  frame.fields.some((f) => f.type === FieldType.number);

/**
 * Grafana's time series panel. Axis placement, labels, units and colours come from the field
 * config (overrides included), which is how a right-hand latency axis gets there.
 */
export function TimeSeriesViz({ frames, panel, width, height, timeRange }: VizProps) {
  return (
    <TimeSeries
      frames={frames.filter(drawable)}
      width={width}
      height={height}
      timeRange={timeRange}
      timeZone="browser"
      legend={legendOptions(panel)}
    />
  );
}

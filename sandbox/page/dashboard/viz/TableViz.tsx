import React from 'react';
import { TableCellHeight } from '@grafana/schema';
import { Table } from '@grafana/ui';

import { panelOptions } from '../panelOptions';
import type { VizProps } from './types';

/** Grafana's table panel; like Grafana it shows the first frame when a query returns several. */
export function TableViz({ frames, panel, width, height }: VizProps) {
  const options = panelOptions(panel);
  return (
    <Table
      data={frames[0]}
      width={width}
      height={height}
      noHeader={options.showHeader === false}
      cellHeight={(options.cellHeight as TableCellHeight) ?? TableCellHeight.Sm}
    />
  );
}

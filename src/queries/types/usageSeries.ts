import type { DataFrame } from '@grafana/data';

import { toPointSeries } from '../../frames/align';
import { UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import { droppedCounter, gridFor, present, reportDropped } from '../common';
import type { QueryContext } from '../handler';

export interface UsageBucket {
  timeSpan: string;
  count: number | null;
}

/**
 * The traffic views' shared frame: one "Hits" series per entity (API, application, backend),
 * counts with empty buckets as 0, labelled with the entity's display name.
 */
export function usageFrame<T>(
  items: ReadonlyArray<T | null> | null | undefined,
  label: string,
  nameOf: (item: T) => string,
  usageOf: (item: T) => ReadonlyArray<UsageBucket | null> | null | undefined,
  granularity: string | null | undefined,
  ctx: QueryContext
): DataFrame {
  const dropped = droppedCounter();
  const specs = present(items).map((item) => {
    const name = nameOf(item);
    return {
      field: 'Hits',
      displayName: name,
      labels: { [label]: name },
      unit: UNIT.count,
      points: toPointSeries(
        usageOf(item),
        (b) => b.timeSpan,
        (b) => b.count,
        'zero',
        dropped
      ),
    };
  });
  reportDropped(ctx, dropped);
  return wideTimeSeriesFrame(specs, gridFor(ctx, granularity));
}

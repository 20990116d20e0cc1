import { toPointSeries } from '../../frames/align';
import { UNIT } from '../../frames/fields';
import { wideTimeSeriesFrame } from '../../frames/timeSeriesFrame';
import type { ErrorCategory } from '../../types';
import { droppedCounter, gridFor, oneId, reportDropped, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const ERRORS_BY_CATEGORY_DOC = `query ErrorsByCategory($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: ErrorsByCategoryFilter) {
  getErrorsByCategory(timeFilter: $timeFilter, errorsByCategoryFilter: $filter, dataFilter: $dataFilter) {
    granularity
    errors { timeSpan auth targetConnectivity throttled other }
  }
}`;

interface CategoryBucket {
  timeSpan: string;
  auth?: number | null;
  targetConnectivity?: number | null;
  throttled?: number | null;
  other?: number | null;
}
interface ErrorsByCategoryData {
  getErrorsByCategory?: { granularity?: string | null; errors?: Array<CategoryBucket | null> | null } | null;
}

/** Console order and names; `key` is the response field. */
export const ERROR_CATEGORIES: ReadonlyArray<{
  category: ErrorCategory;
  key: keyof CategoryBucket & string;
  name: string;
}> = [
  { category: 'AUTH', key: 'auth', name: 'Authentication' },
  { category: 'TARGET_CONNECTIVITY', key: 'targetConnectivity', name: 'Target Connectivity' },
  { category: 'THROTTLED', key: 'throttled', name: 'Throttling' },
  { category: 'OTHER', key: 'other', name: 'Other' },
];

function selected(categories: ErrorCategory[] | undefined) {
  return categories?.length ? ERROR_CATEGORIES.filter((c) => categories.includes(c.category)) : ERROR_CATEGORIES;
}

/** Errors: counts per category over time (the API sends null for categories not asked for). */
export const errorsByCategory = defineHandler<ErrorsByCategoryData>({
  shape: 'timeseries-wide',
  apiFilter: 'one',
  appFilter: 'none',
  validate: (q) => {
    const unknown = (q.errorCategories ?? []).filter((c) => !ERROR_CATEGORIES.some((k) => k.category === c));
    return unknown.length
      ? `Unknown error category "${unknown[0]}": choose AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER.`
      : undefined;
  },
  build: (q, ctx) => ({
    operationName: 'ErrorsByCategory',
    document: ERRORS_BY_CATEGORY_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: {
        apiId: oneId(ctx.apiIds),
        categories: q.errorCategories?.length ? q.errorCategories : undefined,
        granularity: ctx.granularity,
      },
    },
  }),
  toFrames: (data, q, ctx) => {
    const d = data.getErrorsByCategory;
    const dropped = droppedCounter();
    const frame = wideTimeSeriesFrame(
      selected(q.errorCategories).map((c) => ({
        field: c.name,
        displayName: c.name,
        unit: UNIT.count,
        points: toPointSeries(
          d?.errors,
          (b) => b.timeSpan,
          (b) => b[c.key] as number | null | undefined,
          'zero',
          dropped
        ),
      })),
      gridFor(ctx, d?.granularity)
    );
    reportDropped(ctx, dropped);
    return [frame];
  },
});

import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { limitProblem, present } from '../common';
import { defineHandler } from '../handler';

export const TOP_SLOWEST_APIS_DOC = `query TopSlowestApis($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $limit: Int!) {
  topSlowestAPIs(filter: $timeFilter, dataFilter: $dataFilter, limit: $limit) { apiId latency }
}`;

export const DEFAULT_TOP_LIMIT = 10;

interface TopSlowestApisData {
  topSlowestAPIs?: Array<{ apiId?: string | null; latency?: number | null } | null> | null;
}

/** Latency: the N slowest APIs by p95 latency, slowest first (a bar chart as is). */
export const topSlowestApis = defineHandler<TopSlowestApisData>({
  shape: 'numeric-long',
  apiFilter: 'none',
  appFilter: 'none',
  needsApiNames: true,
  validate: limitProblem,
  build: (q, ctx) => ({
    operationName: 'TopSlowestApis',
    document: TOP_SLOWEST_APIS_DOC,
    variables: { timeFilter: ctx.timeFilter, dataFilter: ctx.dataFilter, limit: q.limit ?? DEFAULT_TOP_LIMIT },
  }),
  toFrames: (data, _q, ctx) => {
    const rows = present(data.topSlowestAPIs).sort((a, b) => (b.latency ?? -Infinity) - (a.latency ?? -Infinity));
    return [
      frameOf([
        stringField(
          'API',
          rows.map((r) => ctx.apiNames.name(r.apiId))
        ),
        numberField(
          'Latency',
          rows.map((r) => r.latency ?? null),
          { unit: UNIT.ms, displayName: '95th Percentile Latency' }
        ),
      ]),
    ];
  },
});

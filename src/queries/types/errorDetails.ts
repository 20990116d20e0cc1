import { FieldType } from '@grafana/data';

import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { parseTimeSpan } from '../../time/parseTimeSpan';
import { oneId, paginationFilter, present, scopeVariables, searchFilter } from '../common';
import { defineHandler } from '../handler';
import { pagedAt, type PaginationInfo } from './paginated';

export const ERROR_DETAILS_DOC = `query ErrorDetails($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: ErrorsDetailsFilter) {
  getErrorsDetails(timeFilter: $timeFilter, errorsDetailsFilter: $filter, dataFilter: $dataFilter) {
    usage { apiId timeSpan applicationId applicationName applicationOwner reason count }
    pagination { total limit offset }
  }
}`;

interface ErrorRow {
  apiId?: string | null;
  timeSpan?: string | null;
  applicationId?: string | null;
  applicationName?: string | null;
  applicationOwner?: string | null;
  reason?: string | null;
  count?: number | null;
}
interface ErrorDetailsData {
  getErrorsDetails?: { usage?: Array<ErrorRow | null> | null; pagination?: PaginationInfo | null } | null;
}

/** Errors: the error details table (time bucket, API, application, reason, count). */
export const errorDetails = defineHandler<ErrorDetailsData>({
  shape: 'table',
  apiFilter: 'one',
  appFilter: 'one',
  needsApiNames: true,
  validate: (q) =>
    (q.errorCategories?.length ?? 0) > 1
      ? 'Error details filter by one error category: pick one, or none for all.'
      : undefined,
  build: (q, ctx) => ({
    operationName: 'ErrorDetails',
    document: ERROR_DETAILS_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: {
        apiId: oneId(ctx.apiIds),
        appId: oneId(ctx.appIds),
        category: q.errorCategories?.[0],
        granularity: ctx.granularity,
        paginationFilter: paginationFilter(ctx, q),
        searchFilter: searchFilter(q.search),
      },
    },
  }),
  paginator: pagedAt<ErrorDetailsData>('getErrorsDetails', 'usage'),
  toFrames: (data, _q, ctx) => {
    const rows = present(data.getErrorsDetails?.usage);
    const n = rows.length;
    const time = new Array<number | null>(n);
    const api = new Array<string>(n);
    const app = new Array<string | null>(n);
    const reason = new Array<string | null>(n);
    const count = new Array<number | null>(n);
    rows.forEach((r, i) => {
      const t = parseTimeSpan(r.timeSpan);
      time[i] = Number.isNaN(t) ? null : t;
      api[i] = ctx.apiNames.name(r.apiId);
      app[i] = r.applicationName ?? r.applicationId ?? null;
      reason[i] = r.reason ?? null;
      count[i] = r.count ?? null;
    });
    return [
      frameOf([
        { name: 'Time', type: FieldType.time, values: time, config: {} },
        stringField('API', api),
        stringField('Application', app),
        stringField('Reason', reason),
        numberField('Count', count, { unit: UNIT.count }),
      ]),
    ];
  },
});

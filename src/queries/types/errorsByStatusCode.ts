import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { oneId, paginationFilter, present, scopeVariables } from '../common';
import { defineHandler } from '../handler';
import { pagedAt, type PaginationInfo } from './paginated';

export const ERRORS_BY_STATUS_CODE_DOC = `query ErrorsByStatusCode($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: ErrorCountByStatusCodeFilter!) {
  getErrorsByStatusCode(timeFilter: $timeFilter, errorCountByStatusCodeFilter: $filter, dataFilter: $dataFilter) {
    errors { apiId errorCountByCode { statusCode count } }
    pagination { total limit offset }
  }
}`;

interface ApiCodes {
  apiId?: string | null;
  errorCountByCode?: Array<{ statusCode?: string | null; count?: number | null } | null> | null;
}
interface ErrorsByStatusCodeData {
  getErrorsByStatusCode?: { errors?: Array<ApiCodes | null> | null; pagination?: PaginationInfo | null } | null;
}

export const DEFAULT_ERROR_TYPE = 'PROXY';

/**
 * Errors: count per status code for each API, as one row per API and one number column per
 * status code (0 where an API had none of that code): a stacked bar chart or a table as is.
 */
export const errorsByStatusCode = defineHandler<ErrorsByStatusCodeData>({
  shape: 'numeric-long',
  apiFilter: 'one',
  appFilter: 'none',
  needsApiNames: true,
  validate: (q) =>
    q.errorType && q.errorType !== 'PROXY' && q.errorType !== 'TARGET'
      ? `Unknown error type "${q.errorType}": choose PROXY or TARGET.`
      : q.errorCodeType && q.errorCodeType !== '_4XX' && q.errorCodeType !== '_5XX'
        ? `Unknown error code type "${q.errorCodeType}": choose _4XX, _5XX or leave it empty for both.`
        : undefined,
  build: (q, ctx) => ({
    operationName: 'ErrorsByStatusCode',
    document: ERRORS_BY_STATUS_CODE_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: {
        apiId: oneId(ctx.apiIds),
        errorType: q.errorType ?? DEFAULT_ERROR_TYPE,
        errorCodeType: q.errorCodeType || undefined,
        paginationFilter: paginationFilter(ctx, q),
      },
    },
  }),
  paginator: pagedAt<ErrorsByStatusCodeData>('getErrorsByStatusCode', 'errors'),
  toFrames: (data, _q, ctx) => {
    const apis = present(data.getErrorsByStatusCode?.errors);
    const codes = new Set<string>();
    for (const a of apis) {
      for (const c of present(a.errorCountByCode)) {
        codes.add(c.statusCode ?? 'unknown');
      }
    }
    const columns = new Map<string, number[]>();
    for (const code of [...codes].sort()) {
      columns.set(code, new Array<number>(apis.length).fill(0));
    }
    const names = new Array<string>(apis.length);
    apis.forEach((a, row) => {
      names[row] = ctx.apiNames.name(a.apiId);
      for (const c of present(a.errorCountByCode)) {
        columns.get(c.statusCode ?? 'unknown')![row] += c.count ?? 0;
      }
    });
    return [
      frameOf([
        stringField('API', names),
        ...[...columns].map(([code, values]) => numberField(code, values, { unit: UNIT.count, displayName: code })),
      ]),
    ];
  },
});

import { FieldType } from '@grafana/data';

import { frameOf, stringField } from '../../frames/fields';
import { parseTimeSpan } from '../../time/parseTimeSpan';
import { paginationFilter, present, scopeVariables, searchFilter } from '../common';
import { defineHandler } from '../handler';
import { pagedAt, type PaginationInfo } from './paginated';

export const ALERT_SUMMARY_DOC = `query AlertSummary($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: AlertSummaryFilter) {
  getAlertSummary(timeFilter: $timeFilter, alertSummaryFilter: $filter, dataFilter: $dataFilter) {
    usage { apiId timestamp category metric severity message }
    pagination { total limit offset }
  }
}`;

interface AlertRow {
  apiId?: string | null;
  timestamp?: string | null;
  category?: string | null;
  metric?: string | null;
  severity?: string | null;
  message?: string | null;
}
interface AlertSummaryData {
  getAlertSummary?: { usage?: Array<AlertRow | null> | null; pagination?: PaginationInfo | null } | null;
}

/** Alerts: the alert table (time, API, category, metric, severity, message). */
export const alertSummary = defineHandler<AlertSummaryData>({
  shape: 'table',
  apiFilter: 'many',
  appFilter: 'none',
  needsApiNames: true,
  validate: (q) =>
    q.alertCategory && q.alertCategory !== 'TRAFFIC' && q.alertCategory !== 'LATENCY'
      ? `Unknown alert category "${q.alertCategory}": choose TRAFFIC or LATENCY, or none for both.`
      : undefined,
  build: (q, ctx) => ({
    operationName: 'AlertSummary',
    document: ALERT_SUMMARY_DOC,
    variables: {
      ...scopeVariables(ctx),
      filter: {
        apiIds: ctx.apiIds,
        category: q.alertCategory || undefined,
        paginationFilter: paginationFilter(ctx, q),
        searchFilter: searchFilter(q.search),
      },
    },
  }),
  paginator: pagedAt<AlertSummaryData>('getAlertSummary', 'usage'),
  toFrames: (data, _q, ctx) => {
    const rows = present(data.getAlertSummary?.usage);
    const n = rows.length;
    const time = new Array<number | null>(n);
    const api = new Array<string>(n);
    const category = new Array<string | null>(n);
    const metric = new Array<string | null>(n);
    const severity = new Array<string | null>(n);
    const message = new Array<string | null>(n);
    rows.forEach((r, i) => {
      const t = parseTimeSpan(r.timestamp);
      time[i] = Number.isNaN(t) ? null : t;
      api[i] = ctx.apiNames.name(r.apiId);
      category[i] = r.category ?? null;
      metric[i] = r.metric ?? null;
      severity[i] = r.severity ?? null;
      message[i] = r.message ?? null;
    });
    return [
      frameOf([
        { name: 'Time', type: FieldType.time, values: time, config: {} },
        stringField('API', api),
        stringField('Category', category),
        stringField('Metric', metric),
        stringField('Severity', severity),
        stringField('Message', message),
      ]),
    ];
  },
});

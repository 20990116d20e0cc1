import { QueryType, type ChoreoAnnotationQuery, type ChoreoQuery } from '../types';

/** Enough alerts for a dashboard's time range; the API's default page is only 5. */
export const ALERT_PAGE_SIZE = 500;

export const ALERT_SUMMARY_DOC = `query ChoreoAlertAnnotations($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: AlertSummaryFilter) {
  getAlertSummary(timeFilter: $timeFilter, alertSummaryFilter: $filter, dataFilter: $dataFilter) {
    usage { apiId timestamp category metric severity message }
    pagination { total }
  }
}`;

/**
 * The annotation query as a raw GraphQL target, so it runs through the same path as panels
 * (validation, typed variables: `$api` in the API list expands to every selected id, the
 * DataFilter is filled from the settings and the query's environment).
 */
export function alertAnnotationTarget(target: ChoreoAnnotationQuery): ChoreoQuery {
  const filter: Record<string, unknown> = { paginationFilter: { limit: ALERT_PAGE_SIZE, offset: 0 } };
  if (target.alertCategory) {
    filter.category = target.alertCategory;
  }
  const apiIds = (target.apiIds ?? []).filter(Boolean);
  if (apiIds.length) {
    filter.apiIds = apiIds;
  }
  return {
    refId: target.refId || 'Anno',
    queryType: QueryType.GraphQL,
    environmentId: target.environmentId,
    projectId: target.projectId,
    graphql: {
      query: ALERT_SUMMARY_DOC,
      variables: JSON.stringify({ filter }),
      dataPath: 'getAlertSummary.usage',
      timeField: 'timestamp',
      timeFormat: 'iso',
    },
  };
}

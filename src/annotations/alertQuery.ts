import { QueryType, type ChoreoAnnotationQuery, type ChoreoQuery } from '../types';

/** Enough alerts for a dashboard's time range; the API's default page is only 5. */
export const ALERT_PAGE_SIZE = 500;

/**
 * The annotation query as an ordinary Alert summary target, so it runs through the same runner
 * as panels (scope, variables: `$api` in the API list expands to every selected id, API names).
 */
export function alertAnnotationTarget(target: ChoreoAnnotationQuery): ChoreoQuery {
  const apiIds = (target.apiIds ?? []).filter(Boolean);
  return {
    refId: target.refId || 'Anno',
    queryType: QueryType.AlertSummary,
    environmentId: target.environmentId,
    projectId: target.projectId,
    alertCategory: target.alertCategory || undefined,
    apiIds: apiIds.length ? apiIds : undefined,
    maxRows: ALERT_PAGE_SIZE,
  };
}

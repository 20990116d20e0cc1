import type { TestDataSourceResponse } from '@grafana/data';

import { objectsOf, readList } from '../catalog/answer';
import { document, operationName } from '../catalog/catalog';
import { message } from '../catalog/messages';
import { textOf } from '../frames/depth';
import { describeGraphQLError, type InsightsClient } from '../client/insightsClient';
import { isInsightsError } from '../client/errors';
import type { ResolvedSettings } from '../settings/resolveSettings';
import { validateSettings, type SettingIssue } from '../settings/validateSettings';
import type { ChoreoOptions } from '../options';

// The catalog's environments list: the same document the List query type and variables send.
const LIST_ENVIRONMENTS = document('ListEnvironments.graphql');

function settingsError(issues: SettingIssue[]): TestDataSourceResponse {
  const first = issues[0];
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more setting${issues.length > 2 ? 's' : ''} to fix)` : '';
  return {
    status: 'error',
    message: `${first.message}${more}`,
    details: { message: issues.map((i) => i.message).join('\n') },
  };
}

/**
 * "Save & test": checks the settings first (so a missing field is named, not reported as an
 * auth failure), then lists the organization's environments through the route, which proves
 * the token exchange, the subscription and the org UUID at once.
 */
export async function checkHealth(
  jsonData: ChoreoOptions,
  settings: ResolvedSettings,
  client: InsightsClient
): Promise<TestDataSourceResponse> {
  // The secret cannot be checked here (the browser never learns whether it is set); an unset
  // secret fails the token exchange and is reported as an authentication failure.
  const issues = validateSettings(jsonData, undefined);
  if (issues.length) {
    return settingsError(issues);
  }
  try {
    const { data, errors } = await client.execute<unknown>({
      query: LIST_ENVIRONMENTS,
      variables: { org: { orgId: settings.orgUuid } },
      operationName: operationName(LIST_ENVIRONMENTS),
    });
    if (errors.length) {
      return {
        status: 'error',
        message: message('graphqlErrors', { errors: errors.map(describeGraphQLError).join('; ') }),
      };
    }
    const envs = objectsOf(readList({ data }, 'data.listEnvironments'), { count: 0 }).map((e) => ({
      id: typeof e.id === 'string' ? e.id : '',
      name: textOf(e.name ?? e.id),
    }));
    const orgUuid = settings.orgUuid;
    if (!envs.length) {
      return { status: 'error', message: message('healthNoEnvironments', { orgUuid }) };
    }
    const names = envs.map((e) => e.name).join(', ');
    const environment = settings.defaultEnvironmentId;
    if (environment && !envs.some((e) => e.id === environment)) {
      return { status: 'error', message: message('healthUnknownDefault', { orgUuid, environment, names }) };
    }
    const n = envs.length;
    return {
      status: 'success',
      message: message('healthConnected', {
        orgUuid,
        n,
        environments: n === 1 ? 'environment' : 'environments',
        names,
      }),
    };
  } catch (err) {
    return { status: 'error', message: isInsightsError(err) ? err.message : `Unexpected error: ${String(err)}` };
  }
}

import type { TestDataSourceResponse } from '@grafana/data';

import { document, operationName } from '../catalog/catalog';
import { describeGraphQLError, type InsightsClient } from '../client/insightsClient';
import { isInsightsError } from '../client/errors';
import type { ResolvedSettings } from '../settings/resolveSettings';
import { validateSettings, type SettingIssue } from '../settings/validateSettings';
import type { ChoreoOptions } from '../options';

// The catalog's environments list: the same document the List query type and variables send.
const LIST_ENVIRONMENTS = document('ListEnvironments.graphql');

interface EnvironmentsData {
  listEnvironments: Array<{ id: string; name: string } | null> | null;
}

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
    const { data, errors } = await client.execute<EnvironmentsData>({
      query: LIST_ENVIRONMENTS,
      variables: { org: { orgId: settings.orgUuid } },
      operationName: operationName(LIST_ENVIRONMENTS),
    });
    const envs = (data.listEnvironments ?? []).filter((e): e is { id: string; name: string } => !!e);
    if (errors.length) {
      return { status: 'error', message: `Insights API error: ${errors.map(describeGraphQLError).join('; ')}` };
    }
    if (!envs.length) {
      return {
        status: 'error',
        message: `Connected, but organization ${settings.orgUuid} has no environments. Check the organization UUID (Choreo Console → Settings): it must be the UUID, not the handle.`,
      };
    }
    const names = envs.map((e) => e.name).join(', ');
    const defaultEnv = settings.defaultEnvironmentId;
    if (defaultEnv && !envs.some((e) => e.id === defaultEnv)) {
      return {
        status: 'error',
        message: `Connected to organization ${settings.orgUuid}, but the default environment "${defaultEnv}" is not one of its environments (${names}).`,
      };
    }
    return {
      status: 'success',
      message: `Connected to organization ${settings.orgUuid}: ${envs.length} environment${envs.length === 1 ? '' : 's'} (${names})`,
    };
  } catch (err) {
    return { status: 'error', message: isInsightsError(err) ? err.message : `Unexpected error: ${String(err)}` };
  }
}

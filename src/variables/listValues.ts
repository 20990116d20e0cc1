import type { MetricFindValue, ScopedVars } from '@grafana/data';

import type { QueryDeps } from '../queries/queryDeps';
import { ENVIRONMENT_SCOPED, parseStaticList, type VariableQuery } from './variableQuery';

// Lists the metadata service does not cover, queried directly. Names only: the API gives
// providers and subscribers no id.
const LIST_PROVIDERS = `query ListProviders($dataFilter: DataFilter!) { listProviders(dataFilter: $dataFilter) { name } }`;
const LIST_SUBSCRIBERS = `query ListSubscribers($dataFilter: DataFilter!) { listSubscribers(dataFilter: $dataFilter) { name } }`;
const LIST_TENANTS = `query ListTenants($filter: TenantDataFilter!) { listTenants(tenantDataFilter: $filter) }`;
const LIST_ORGANIZATIONS = `query ListOrganizations { listOrganizations { uuid name handle } }`;

function byText(values: MetricFindValue[]): MetricFindValue[] {
  return values.sort((a, b) => a.text.localeCompare(b.text));
}

/**
 * Grafana selects a variable's first value when a dashboard opens without a saved choice (as the
 * provisioned dashboards do), so the data source's default environment goes first.
 */
function defaultFirst(values: MetricFindValue[], defaultId: string): MetricFindValue[] {
  const i = values.findIndex((v) => v.value === defaultId);
  return i > 0 ? [values[i], ...values.slice(0, i), ...values.slice(i + 1)] : values;
}

function nonNull<T>(list: Array<T | null> | null | undefined): T[] {
  return (list ?? []).filter((x): x is T => x !== null && x !== undefined);
}

/** Values of a template variable: text = name, value = id (names where the API has no id). */
export async function listValues(
  query: VariableQuery,
  deps: QueryDeps,
  scopedVars: ScopedVars = {}
): Promise<MetricFindValue[]> {
  const interpolate = (v?: string) => (v ? deps.templateSrv.replace(v, scopedVars).trim() : '');
  const environmentId = interpolate(query.environmentId) || deps.settings.defaultEnvironmentId;
  const projectId = interpolate(query.projectId);
  if (ENVIRONMENT_SCOPED.has(query.list) && !environmentId) {
    throw new Error(
      `Listing ${query.list} needs an environment: set one in the variable query or a default environment in the data source settings.`
    );
  }
  const dataFilter = {
    orgId: deps.settings.orgUuid,
    tenant: deps.settings.tenant,
    environmentId,
    ...(projectId ? { projectId } : {}),
  };

  switch (query.list) {
    case 'environments':
      return defaultFirst(
        byText((await deps.metadata.environments()).map((e) => ({ text: e.name, value: e.id }))),
        deps.settings.defaultEnvironmentId
      );
    case 'projects':
      return parseStaticList(query.projects);
    case 'apis':
      return byText(
        (await deps.metadata.apis(environmentId)).map((a) => ({
          text: a.version ? `${a.name} ${a.version}` : a.name,
          value: a.id,
        }))
      );
    case 'applications':
      return byText((await deps.metadata.applications(environmentId)).map((a) => ({ text: a.name, value: a.id })));
    case 'providers': {
      const { data } = await deps.client.execute<{ listProviders: Array<{ name: string } | null> | null }>({
        query: LIST_PROVIDERS,
        variables: { dataFilter },
        operationName: 'ListProviders',
      });
      return byText(nonNull(data.listProviders).map((p) => ({ text: p.name, value: p.name })));
    }
    case 'subscribers': {
      const { data } = await deps.client.execute<{ listSubscribers: Array<{ name: string } | null> | null }>({
        query: LIST_SUBSCRIBERS,
        variables: { dataFilter },
        operationName: 'ListSubscribers',
      });
      return byText(nonNull(data.listSubscribers).map((s) => ({ text: s.name, value: s.name })));
    }
    case 'tenants': {
      const { data } = await deps.client.execute<{ listTenants: Array<string | null> | null }>({
        query: LIST_TENANTS,
        variables: { filter: { orgId: deps.settings.orgUuid, envId: environmentId } },
        operationName: 'ListTenants',
      });
      return byText(nonNull(data.listTenants).map((t) => ({ text: t, value: t })));
    }
    case 'organizations': {
      const { data } = await deps.client.execute<{
        listOrganizations: Array<{ uuid: string; name: string; handle: string } | null> | null;
      }>({ query: LIST_ORGANIZATIONS, operationName: 'ListOrganizations' });
      return byText(nonNull(data.listOrganizations).map((o) => ({ text: o.name || o.handle, value: o.uuid })));
    }
    default:
      throw new Error(`Unknown list "${String(query.list)}".`);
  }
}

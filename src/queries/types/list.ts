import type { DataFrame } from '@grafana/data';

import { frameOf, stringField } from '../../frames/fields';
import type { ListKind } from '../../types';
import { present } from '../common';
import { defineHandler, type BuiltQuery, type QueryContext } from '../handler';

type Row = Record<string, unknown>;

interface ListSpec {
  operationName: string;
  document: string;
  /** Response field holding the list. */
  key: string;
  /** Columns: header and the row field it reads (tenants are plain strings: field ''). */
  columns: ReadonlyArray<[header: string, field: string]>;
  scoped: boolean;
  variables: (ctx: QueryContext) => Record<string, unknown>;
}

const dataFilterOnly = (ctx: QueryContext) => ({ dataFilter: ctx.dataFilter });

export const LISTS: Record<ListKind, ListSpec> = {
  organizations: {
    operationName: 'ListOrganizations',
    document: `query ListOrganizations {\n  listOrganizations { id uuid handle name }\n}`,
    key: 'listOrganizations',
    columns: [
      ['Name', 'name'],
      ['Handle', 'handle'],
      ['UUID', 'uuid'],
      ['ID', 'id'],
    ],
    scoped: false,
    variables: () => ({}),
  },
  environments: {
    operationName: 'ListEnvironmentsTable',
    document: `query ListEnvironmentsTable($org: OrgFilter!, $projectId: String) {\n  listEnvironments(org: $org, projectId: $projectId) { id name type externalEnvId }\n}`,
    key: 'listEnvironments',
    columns: [
      ['Name', 'name'],
      ['ID', 'id'],
      ['Type', 'type'],
      ['External ID', 'externalEnvId'],
    ],
    scoped: false,
    variables: (ctx) => ({ org: { orgId: ctx.dataFilter.orgId }, projectId: ctx.dataFilter.projectId }),
  },
  apis: {
    operationName: 'ListApisTable',
    document: `query ListApisTable($dataFilter: DataFilter!) {\n  listAllAPI(dataFilter: $dataFilter) { id name version provider }\n}`,
    key: 'listAllAPI',
    columns: [
      ['Name', 'name'],
      ['Version', 'version'],
      ['Provider', 'provider'],
      ['ID', 'id'],
    ],
    scoped: true,
    variables: dataFilterOnly,
  },
  applications: {
    operationName: 'ListApplicationsTable',
    document: `query ListApplicationsTable($dataFilter: DataFilter!, $filter: ApplicationFilter) {\n  listApplications(applicationFilter: $filter, dataFilter: $dataFilter) { id name owner }\n}`,
    key: 'listApplications',
    columns: [
      ['Name', 'name'],
      ['Owner', 'owner'],
      ['ID', 'id'],
    ],
    scoped: true,
    variables: (ctx) => ({ dataFilter: ctx.dataFilter, filter: ctx.apiIds ? { apiIds: ctx.apiIds } : undefined }),
  },
  providers: {
    operationName: 'ListProviders',
    document: `query ListProviders($dataFilter: DataFilter!) {\n  listProviders(dataFilter: $dataFilter) { name }\n}`,
    key: 'listProviders',
    columns: [['Name', 'name']],
    scoped: true,
    variables: dataFilterOnly,
  },
  subscribers: {
    operationName: 'ListSubscribers',
    document: `query ListSubscribers($dataFilter: DataFilter!, $filter: SubscriberFilter) {\n  listSubscribers(subscriberFilter: $filter, dataFilter: $dataFilter) { name }\n}`,
    key: 'listSubscribers',
    columns: [['Name', 'name']],
    scoped: true,
    variables: (ctx) => ({ dataFilter: ctx.dataFilter, filter: ctx.apiIds ? { apiIds: ctx.apiIds } : undefined }),
  },
  tenants: {
    operationName: 'ListTenants',
    document: `query ListTenants($filter: TenantDataFilter!) {\n  listTenants(tenantDataFilter: $filter)\n}`,
    key: 'listTenants',
    columns: [['Tenant', '']],
    scoped: true,
    variables: (ctx) => ({ filter: { orgId: ctx.dataFilter.orgId, envId: ctx.environmentId } }),
  },
};

export const DEFAULT_LIST: ListKind = 'apis';

function specOf(kind: ListKind | undefined): ListSpec | undefined {
  const k = kind ?? DEFAULT_LIST;
  return Object.prototype.hasOwnProperty.call(LISTS, k) ? LISTS[k] : undefined;
}

function cell(row: unknown, field: string): string | null {
  if (field === '') {
    return typeof row === 'string' ? row : null;
  }
  const v = row && typeof row === 'object' ? (row as Row)[field] : undefined;
  return v === null || v === undefined ? null : String(v);
}

/** Lists as tables: organizations, environments, APIs, applications, providers, subscribers, tenants. */
export const list = defineHandler<Record<string, unknown[] | null | undefined>>({
  shape: 'table',
  apiFilter: 'many',
  appFilter: 'none',
  needsEnvironment: (q) => specOf(q.list)?.scoped ?? true,
  validate: (q) =>
    specOf(q.list) ? undefined : `Unknown list "${String(q.list)}": choose ${Object.keys(LISTS).join(', ')}.`,
  build: (q, ctx): BuiltQuery => {
    const spec = specOf(q.list) ?? LISTS[DEFAULT_LIST];
    return { operationName: spec.operationName, document: spec.document, variables: spec.variables(ctx) };
  },
  toFrames: (data, q): DataFrame[] => {
    const spec = specOf(q.list) ?? LISTS[DEFAULT_LIST];
    const rows = present(data[spec.key]);
    return [
      frameOf(
        spec.columns.map(([header, field]) =>
          stringField(
            header,
            rows.map((r) => cell(r, field))
          )
        )
      ),
    ];
  },
});

import { RequestContext } from '../context';
import { DataFilterInput, assertOrg, cleanIds, resolveEnvironments } from '../data/scope';
import { ApiDef, TENANT, apisOf, applicationsOf, findOrgByUuid } from '../demo';

/** Catalogue queries: organisations, environments, tenants, APIs, applications and people. */

function apisInScope(ctx: RequestContext, df: DataFilterInput): ApiDef[] {
  const envs = resolveEnvironments(ctx, df);
  if (df.tenant !== TENANT) {
    return [];
  }
  return apisOf(ctx.orgUuid).filter(
    (a) => envs.some((e) => a.deployedTo.includes(e.name)) && (!df.projectId || a.projectId === df.projectId)
  );
}

function appsInScope(ctx: RequestContext, df: DataFilterInput, apiIds: string[], owner?: string | null) {
  const apis = apisInScope(ctx, df).filter((a) => apiIds.length === 0 || apiIds.includes(a.id));
  return applicationsOf(ctx.orgUuid).filter(
    (app) => (!owner || app.owner === owner) && apis.some((a) => app.subscriptions[a.id] !== undefined)
  );
}

export const catalogResolvers = {
  listAllAPI(args: { provider?: string | null; dataFilter: DataFilterInput }, ctx: RequestContext) {
    return apisInScope(ctx, args.dataFilter)
      .filter((a) => !args.provider || a.provider === args.provider)
      .map((a) => ({ id: a.id, name: a.name, version: a.version, provider: a.provider, displayName: a.name }));
  },

  listApplications(
    args: {
      applicationFilter?: { owner?: string | null; apiIds?: ReadonlyArray<string | null> | null } | null;
      dataFilter: DataFilterInput;
    },
    ctx: RequestContext
  ) {
    const f = args.applicationFilter;
    return appsInScope(ctx, args.dataFilter, cleanIds(f?.apiIds), f?.owner).map((a) => ({
      id: a.id,
      name: a.name,
      owner: a.owner,
    }));
  },

  listProviders(args: { dataFilter: DataFilterInput }, ctx: RequestContext) {
    const names = [...new Set(apisInScope(ctx, args.dataFilter).map((a) => a.provider))].sort();
    return names.map((name) => ({ name }));
  },

  listSubscribers(
    args: { subscriberFilter?: { apiIds?: ReadonlyArray<string | null> | null } | null; dataFilter: DataFilterInput },
    ctx: RequestContext
  ) {
    const apps = appsInScope(ctx, args.dataFilter, cleanIds(args.subscriberFilter?.apiIds));
    return [...new Set(apps.map((a) => a.owner))].sort().map((name) => ({ name }));
  },

  listOrganizations(_args: object, ctx: RequestContext) {
    const org = findOrgByUuid(ctx.orgUuid);
    return org ? [{ id: org.id, uuid: org.uuid, handle: org.handle, name: org.name }] : [];
  },

  listEnvironments(args: { org: { orgId: string }; projectId?: string | null }, ctx: RequestContext) {
    return resolveEnvironments(ctx, { orgId: args.org.orgId, tenant: TENANT }).map((e) => ({
      id: e.id,
      externalEnvId: e.externalEnvId,
      internalEnvId: e.internalEnvId,
      sandboxEnvId: e.sandboxEnvId,
      name: e.name,
      type: e.type,
    }));
  },

  listTenants(args: { tenantDataFilter: { orgId: string } }, ctx: RequestContext) {
    assertOrg(ctx, args.tenantDataFilter.orgId);
    return [TENANT];
  },
};

import { RequestContext } from '../context';
import { EnvDef, TENANT, environmentsOf } from '../demo';
import { userError } from '../errors';
import { ALL_CELLS, Cell } from './cells';

export interface DataFilterInput {
  orgId: string;
  environmentId?: string | null;
  environmentIds?: ReadonlyArray<string | null> | null;
  tenant: string;
  projectId?: string | null;
}

export interface ScopeOptions {
  /** Restrict to these API ids (UUIDs); null/empty means all APIs. */
  apiIds?: ReadonlyArray<string | null> | null;
  /** Unmatched gateway traffic is part of org totals unless the caller narrows to APIs. */
  includeUnmatched?: boolean;
}

/** Every metric query is scoped to the token's organisation, like the live gateway. */
export function assertOrg(ctx: RequestContext, orgId: string): void {
  if (orgId !== ctx.orgUuid) {
    throw userError(`Access denied for organization ${orgId}`, 'FORBIDDEN');
  }
}

function envMatches(env: EnvDef, id: string): boolean {
  // Choreo clients send any of an environment's ids (console captures send all of them at once).
  return env.id === id || env.externalEnvId === id || env.internalEnvId === id || env.sandboxEnvId === id;
}

/** Environments selected by a data filter; none given means every environment of the org. */
export function resolveEnvironments(ctx: RequestContext, df: DataFilterInput): EnvDef[] {
  assertOrg(ctx, df.orgId);
  const ids = [df.environmentId, ...(df.environmentIds ?? [])].filter((x): x is string => !!x);
  const envs = environmentsOf(ctx.orgUuid);
  if (ids.length === 0) {
    return [...envs];
  }
  return envs.filter((e) => ids.some((id) => envMatches(e, id)));
}

export function cleanIds(ids: ReadonlyArray<string | null> | null | undefined): string[] {
  return (ids ?? []).filter((x): x is string => !!x);
}

/** The traffic cells a data filter (plus optional API narrowing) covers. */
export function resolveCells(ctx: RequestContext, df: DataFilterInput, opts: ScopeOptions = {}): Cell[] {
  const envs = resolveEnvironments(ctx, df);
  if (df.tenant !== TENANT) {
    // Choreo cloud has a single tenant; any other tenant simply has no data.
    return [];
  }
  const apiIds = cleanIds(opts.apiIds);
  const includeUnmatched = (opts.includeUnmatched ?? true) && apiIds.length === 0 && !df.projectId;
  return ALL_CELLS.filter((c) => {
    if (!envs.includes(c.env)) {
      return false;
    }
    if (!c.api) {
      return includeUnmatched;
    }
    if (df.projectId && c.api.projectId !== df.projectId) {
      return false;
    }
    return apiIds.length === 0 || apiIds.includes(c.api.id);
  });
}

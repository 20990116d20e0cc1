import { DEFAULT_API_URL, DEFAULT_SCOPE, DEFAULT_TENANT, DEFAULT_TOKEN_URL } from '../constants';
import type { ChoreoOptions } from '../options';

/** Settings with Choreo's defaults applied and copy-paste whitespace removed. */
export interface ResolvedSettings {
  consumerKey: string;
  orgHandle: string;
  orgUuid: string;
  tenant: string;
  defaultEnvironmentId: string;
  tokenUrl: string;
  apiUrl: string;
  scope: string;
}

export function resolveSettings(jsonData: ChoreoOptions | undefined): ResolvedSettings {
  const j = jsonData ?? {};
  const pick = (v: string | undefined, fallback: string) => v?.trim() || fallback;
  return {
    consumerKey: pick(j.consumerKey, ''),
    orgHandle: pick(j.orgHandle, ''),
    orgUuid: pick(j.orgUuid, '').toLowerCase(),
    tenant: pick(j.tenant, DEFAULT_TENANT),
    defaultEnvironmentId: pick(j.defaultEnvironmentId, ''),
    tokenUrl: pick(j.tokenUrl, DEFAULT_TOKEN_URL),
    apiUrl: pick(j.apiUrl, DEFAULT_API_URL),
    scope: pick(j.scope, DEFAULT_SCOPE),
  };
}

import { APIS, ApiDef, ENVIRONMENTS, EnvDef } from '../demo';
import { hashString, mix } from '../hash';

/**
 * A cell is one (environment, API) traffic source. `api: null` is the gateway's unmatched traffic
 * (requests to no known API, e.g. 404s on unknown paths): it counts in org-wide totals and shows
 * up with `apiId: null` where the API allows that, like the live service.
 */
export interface Cell {
  key: string;
  env: EnvDef;
  api: ApiDef | null;
  seed: number;
}

export const UNMATCHED_PEAK_PER_HOUR = 30;

function makeCell(env: EnvDef, api: ApiDef | null): Cell {
  const apiKey = api ? api.id : 'unmatched';
  return { key: `${env.name}/${apiKey}`, env, api, seed: mix(hashString(env.id), hashString(apiKey)) };
}

export const ALL_CELLS: readonly Cell[] = ENVIRONMENTS.flatMap((env) => [
  ...APIS.filter((a) => a.deployedTo.includes(env.name)).map((a) => makeCell(env, a)),
  makeCell(env, null),
]);

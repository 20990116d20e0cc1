import type { InsightsClient } from '../client/graphqlClient';
import type { ResolvedSettings } from '../settings/resolveSettings';
import { ApiNameMap } from './apiDisplayName';

export interface EnvironmentInfo {
  id: string;
  name: string;
  /** CHOREO, CHOREO_PRIVATE or ON_PREM; absent when the API did not say. */
  type?: string;
}
export interface ApiInfo {
  id: string;
  name: string;
  version: string;
  provider: string;
}
export interface ApplicationInfo {
  id: string;
  name: string;
  owner: string;
}

/** How long a list stays fresh. Lists change rarely; five minutes bounds the staleness. */
export const METADATA_TTL_MS = 5 * 60 * 1000;

export const LIST_ENVIRONMENTS_DOC = `query ListEnvironments($org: OrgFilter!) {
  listEnvironments(org: $org) { id name type }
}`;
export const LIST_APIS_DOC = `query ListApis($dataFilter: DataFilter!) {
  listAllAPI(dataFilter: $dataFilter) { id name version provider }
}`;
export const LIST_APPLICATIONS_DOC = `query ListApplications($dataFilter: DataFilter!) {
  listApplications(dataFilter: $dataFilter) { id name owner }
}`;

interface CacheEntry {
  expiresAt: number;
  value: Promise<unknown>;
}

export interface MetadataServiceOptions {
  ttlMs?: number;
  /** Clock for tests. */
  now?: () => number;
}

function nonNull<T>(list: Array<T | null | undefined> | null | undefined): T[] {
  return (list ?? []).filter((x): x is T => x !== null && x !== undefined);
}

/**
 * Lists used for names and selects (environments, APIs, applications).
 *
 * The cache lives on the instance: Grafana builds a new DataSource (and so a new service) when
 * the data source's settings are saved, so a changed org or endpoint never sees stale lists.
 * Concurrent identical calls share one request; a failed request is dropped from the cache so
 * the next call retries.
 */
export class MetadataService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    protected readonly client: InsightsClient,
    protected readonly settings: ResolvedSettings,
    options: MetadataServiceOptions = {}
  ) {
    this.ttlMs = options.ttlMs ?? METADATA_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  environments(): Promise<EnvironmentInfo[]> {
    return this.cached('environments', async () => {
      const { data } = await this.client.execute<{ listEnvironments: Array<EnvironmentInfo | null> | null }>({
        query: LIST_ENVIRONMENTS_DOC,
        variables: { org: { orgId: this.settings.orgUuid } },
        operationName: 'ListEnvironments',
      });
      return nonNull(data.listEnvironments).map((e) => ({ id: e.id, name: e.name, type: e.type }));
    });
  }

  apis(environmentId: string): Promise<ApiInfo[]> {
    return this.cached(`apis:${environmentId}`, async () => {
      const { data } = await this.client.execute<{ listAllAPI: Array<ApiInfo | null> | null }>({
        query: LIST_APIS_DOC,
        variables: { dataFilter: this.dataFilter(environmentId) },
        operationName: 'ListApis',
      });
      return nonNull(data.listAllAPI).map((a) => ({
        id: a.id,
        name: a.name,
        version: a.version,
        provider: a.provider,
      }));
    });
  }

  applications(environmentId: string): Promise<ApplicationInfo[]> {
    return this.cached(`applications:${environmentId}`, async () => {
      const { data } = await this.client.execute<{ listApplications: Array<ApplicationInfo | null> | null }>({
        query: LIST_APPLICATIONS_DOC,
        variables: { dataFilter: this.dataFilter(environmentId) },
        operationName: 'ListApplications',
      });
      return nonNull(data.listApplications).map((a) => ({ id: a.id, name: a.name, owner: a.owner }));
    });
  }

  /** Id → display name lookups for one environment's APIs (for building many frames at once). */
  async apiNameMap(environmentId: string): Promise<ApiNameMap> {
    return new ApiNameMap(await this.apis(environmentId));
  }

  /**
   * Display name ("Orders API v1") for an `apiId` as Insights returns it: a UUID, a composite
   * "<name> - <version>", or null ("Unknown API").
   */
  async apiName(environmentId: string, apiIdOrComposite: string | null | undefined): Promise<string> {
    return (await this.apiNameMap(environmentId)).name(apiIdOrComposite);
  }

  /** Application id → name, falling back to the id. */
  async applicationNames(environmentId: string): Promise<Map<string, string>> {
    const apps = await this.applications(environmentId);
    return new Map(apps.map((a) => [a.id, a.name]));
  }

  private dataFilter(environmentId: string) {
    return { orgId: this.settings.orgUuid, tenant: this.settings.tenant, environmentId };
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > this.now()) {
      return hit.value as Promise<T>;
    }
    const value = load();
    const entry: CacheEntry = { expiresAt: this.now() + this.ttlMs, value };
    this.cache.set(key, entry);
    value.catch(() => {
      // Only forget this attempt: a newer entry may already have replaced it.
      if (this.cache.get(key) === entry) {
        this.cache.delete(key);
      }
    });
    return value;
  }
}

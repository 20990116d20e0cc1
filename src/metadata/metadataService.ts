import { entryFor, resolveDefinition, common } from '../catalog/catalog';
import { objectsOf, readList } from '../catalog/answer';
import { buildRequest, type RequestContext } from '../catalog/request';
import type { InsightsTransport } from '../client/insightsClient';
import type { ResolvedSettings } from '../settings/resolveSettings';
import { textOf } from '../frames/depth';
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

interface CacheEntry {
  expiresAt: number;
  value: Promise<unknown>;
  /** The value once it has arrived, for synchronous readers (display text). */
  settled?: unknown;
}

export interface MetadataServiceOptions {
  ttlMs?: number;
  /** Clock for tests. */
  now?: () => number;
}

type Row = Record<string, unknown>;

const str = (v: unknown) => textOf(v);

/**
 * Lists used for names and selects (environments, APIs, applications), run with the catalog's
 * list documents (the same the List query type and template variables send).
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
    protected readonly client: InsightsTransport,
    protected readonly settings: ResolvedSettings,
    options: MetadataServiceOptions = {}
  ) {
    this.ttlMs = options.ttlMs ?? METADATA_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  environments(): Promise<EnvironmentInfo[]> {
    const { variant, id, name } = common.lookups.environments;
    return this.cached('environments', async () =>
      (await this.rows(variant, '')).map((e) => ({
        id: str(e[id]),
        name: str(e[name]),
        type: typeof e.type === 'string' ? e.type : undefined,
      }))
    );
  }

  apis(environmentId: string): Promise<ApiInfo[]> {
    const { variant, id, name, version = 'version' } = common.lookups.apiNames;
    return this.cached(`apis:${environmentId}`, async () =>
      (await this.rows(variant, environmentId)).map((a) => ({
        id: str(a[id]),
        name: str(a[name]),
        version: str(a[version]),
        provider: str(a.provider),
      }))
    );
  }

  applications(environmentId: string): Promise<ApplicationInfo[]> {
    return this.cached(`applications:${environmentId}`, async () =>
      (await this.rows('applications', environmentId)).map((a) => ({
        id: str(a.id),
        name: str(a.name),
        owner: str(a.owner),
      }))
    );
  }

  /** Id → display name lookups for one environment's APIs (for building many frames at once). */
  async apiNameMap(environmentId: string): Promise<ApiNameMap> {
    return new ApiNameMap(await this.apis(environmentId));
  }

  /** The rows of one list variant, as its template variable reads them. */
  private async rows(variant: string, environmentId: string): Promise<Row[]> {
    const entry = entryFor('list');
    const def = entry && resolveDefinition(entry, variant);
    const spec = def?.request;
    if (!spec || !def.variable) {
      throw new Error(`catalog: no list "${variant}"`);
    }
    const { orgUuid: orgId, tenant } = this.settings;
    const ctx: RequestContext = {
      timeFilter: { from: '', to: '' },
      dataFilter: { orgId, tenant, ...(environmentId ? { environmentId } : {}) },
      orgId,
      tenant,
      environmentId: environmentId || undefined,
      granularity: '',
      options: {},
    };
    const { data } = await this.client.execute<unknown>(buildRequest(spec, ctx));
    // Items that are not objects have no id or name to offer: left out.
    return objectsOf(readList({ data }, def.variable.rows), { count: 0 });
  }

  /** A list already loaded (and fresh), without loading it: for texts that cannot wait. */
  peek(key: 'environments'): EnvironmentInfo[] | undefined;
  peek(key: `apis:${string}`): ApiInfo[] | undefined;
  peek(key: `applications:${string}`): ApplicationInfo[] | undefined;
  peek(key: string): unknown {
    const hit = this.cache.get(key);
    return hit && hit.expiresAt > this.now() ? hit.settled : undefined;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > this.now()) {
      return hit.value as Promise<T>;
    }
    const value = load();
    const entry: CacheEntry = { expiresAt: this.now() + this.ttlMs, value };
    this.cache.set(key, entry);
    value.then(
      (v) => (entry.settled = v),
      () => undefined
    );
    value.catch(() => {
      // Only forget this attempt: a newer entry may already have replaced it.
      if (this.cache.get(key) === entry) {
        this.cache.delete(key);
      }
    });
    return value;
  }
}

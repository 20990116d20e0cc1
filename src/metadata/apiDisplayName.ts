import type { ApiInfo } from './metadataService';

export const UNKNOWN_API = 'Unknown API';

/** "Orders API" + "v1" → "Orders API v1", "Project API" + "1.0.0" → "Project API 1.0.0", as the console writes them. */
export function formatApiName(name: string, version: string | null | undefined): string {
  const v = (version ?? '').trim();
  return v ? `${name} ${v}` : name;
}

/**
 * Splits the composite id some Insights series carry instead of a UUID ("<name> - <version>").
 * The last " - " separates them because API names may contain " - " themselves.
 */
export function splitCompositeApiId(id: string): { name: string; version: string } | null {
  const at = id.lastIndexOf(' - ');
  if (at <= 0) {
    return null;
  }
  const name = id.slice(0, at).trim();
  const version = id.slice(at + 3).trim();
  return name && version ? { name, version } : null;
}

/**
 * Resolves the `apiId` of Insights responses (UUID, composite "<name> - <version>", or null) to a
 * display name, synchronously: frame building runs once per query over many series, so the
 * list is fetched first and looked up here.
 */
export class ApiNameMap {
  private readonly byId = new Map<string, string>();
  private readonly idByNameVersion = new Map<string, string>();

  constructor(apis: ReadonlyArray<Pick<ApiInfo, 'id' | 'name' | 'version'>>) {
    for (const api of apis) {
      this.byId.set(api.id, formatApiName(api.name, api.version));
      this.idByNameVersion.set(`${api.name.trim()}\u0000${(api.version ?? '').trim()}`, api.id);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  name(apiId: unknown): string {
    // Typed as the schema promises, but read off the network: anything else has no name.
    if (typeof apiId !== 'string' || apiId === '') {
      return typeof apiId === 'number' ? String(apiId) : UNKNOWN_API;
    }
    const known = this.byId.get(apiId);
    if (known) {
      return known;
    }
    const composite = splitCompositeApiId(apiId);
    // An id we cannot name is still better shown than hidden: the user can look it up.
    return composite ? formatApiName(composite.name, composite.version) : apiId;
  }

  /**
   * The API's id for an `apiId` as Insights returns it, for links and variables that take ids:
   * a known UUID as is, a composite "<name> - <version>" as the id of the API with that name and
   * version, anything else as written; null when there is none.
   */
  id(apiId: unknown): string | null {
    if (typeof apiId !== 'string' || apiId === '') {
      return typeof apiId === 'number' ? String(apiId) : null;
    }
    if (this.byId.has(apiId)) {
      return apiId;
    }
    const composite = splitCompositeApiId(apiId);
    return (composite && this.idByNameVersion.get(`${composite.name}\u0000${composite.version}`)) ?? apiId;
  }
}

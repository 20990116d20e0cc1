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

  constructor(apis: readonly ApiInfo[]) {
    for (const api of apis) {
      this.byId.set(api.id, formatApiName(api.name, api.version));
    }
  }

  get size(): number {
    return this.byId.size;
  }

  name(apiId: string | null | undefined): string {
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
}

import { COMMON, DOCUMENTS, TYPE_FILES } from './files';
import type { CommonFile, OptionDef, OptionEntry, TypeFile, VariantCase } from './format';

/** A query type as every reader sees it: shared options resolved, documents read. */
export interface CatalogEntry extends Omit<TypeFile, 'options'> {
  options: OptionDef[];
}

/** What runs for one query: the type with its variant (if any) applied. */
export interface ResolvedDefinition extends Required<Pick<VariantCase, 'scope'>>, Omit<VariantCase, 'scope'> {
  entry: CatalogEntry;
  /** The variant chosen, e.g. "errorRate" for a KPI. */
  variant?: string;
}

function resolveOption(o: OptionEntry): OptionDef {
  if (!('use' in o) || o.use === undefined) {
    return o as OptionDef;
  }
  const { use, ...overrides } = o;
  const shared = COMMON.sharedOptions[use];
  if (!shared) {
    throw new Error(`catalog: shared option "${use}" does not exist`);
  }
  return { ...shared, ...overrides };
}

const ENTRIES = new Map<string, CatalogEntry>(
  TYPE_FILES.map((t) => [t.type, { ...t, options: t.options.map(resolveOption) }])
);

export const common: CommonFile = COMMON;

/** Every query type, in file order. */
export function entries(): CatalogEntry[] {
  return [...ENTRIES.values()];
}

/** The type's entry; undefined for an unknown (or inherited, e.g. "constructor") name. */
export function entryFor(type: unknown): CatalogEntry | undefined {
  return typeof type === 'string' ? ENTRIES.get(type) : undefined;
}

export function document(file: string): string {
  const text = Object.prototype.hasOwnProperty.call(DOCUMENTS, file) ? DOCUMENTS[file] : undefined;
  if (text === undefined) {
    throw new Error(`catalog: document "${file}" does not exist`);
  }
  return text;
}

/** The operation name a document declares (`query Name(...)`). */
export function operationName(doc: string): string | undefined {
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(doc)?.[1];
}

/** The type with the case of its variant option (already normalised) applied. */
export function resolveDefinition(entry: CatalogEntry, variantKey: string | undefined): ResolvedDefinition {
  const base: ResolvedDefinition = {
    entry,
    scope: entry.scope,
    request: entry.request,
    frames: entry.frames,
    lookups: entry.lookups,
    pagination: entry.pagination,
    notices: entry.notices,
    variable: entry.variable,
  };
  if (!entry.variants) {
    return base;
  }
  const c =
    variantKey !== undefined && Object.prototype.hasOwnProperty.call(entry.variants.cases, variantKey)
      ? entry.variants.cases[variantKey]
      : undefined;
  if (!c) {
    return base;
  }
  const defined = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
  return { ...base, ...defined, variant: variantKey };
}

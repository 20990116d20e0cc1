import {
  mergeDocuments,
  mergeVariables,
  unmergeableReason,
  type MergedDocument,
  type Unmergeable,
} from './mergeDocuments';

/** Merged documents kept; a dashboard has a few dozen distinct panel shapes at most. */
const MAX_ENTRIES = 200;

/**
 * Caches merges by the ordered list of input documents: a panel refreshes with the same
 * documents and new variables, so parsing and printing happen once per panel shape rather than
 * once per refresh. Oldest entries go first when full.
 */
export class DocumentMerger {
  private readonly cache = new Map<string, MergedDocument | Unmergeable>();
  /** Merges computed (cache misses), for tests and the benchmark. */
  misses = 0;

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  private readonly reasons = new Map<string, string | undefined>();

  /** Why this document must go alone (fragments, several operations...), else undefined. */
  unmergeable(document: string): string | undefined {
    if (!this.reasons.has(document)) {
      if (this.reasons.size >= this.maxEntries) {
        this.reasons.clear();
      }
      this.reasons.set(document, unmergeableReason(document));
    }
    return this.reasons.get(document);
  }

  merge(documents: readonly string[]): MergedDocument | Unmergeable {
    // NUL cannot occur in a GraphQL document, so the joined key is unambiguous.
    const key = documents.join('\u0000');
    const hit = this.cache.get(key);
    if (hit) {
      return hit;
    }
    this.misses++;
    const merged = mergeDocuments(documents);
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
      }
    }
    this.cache.set(key, merged);
    return merged;
  }

  /** The merged request's variables (see mergeVariables). */
  variables(
    merged: MergedDocument,
    variables: ReadonlyArray<Record<string, unknown> | undefined>
  ): Record<string, unknown> {
    return mergeVariables(merged, variables);
  }
}

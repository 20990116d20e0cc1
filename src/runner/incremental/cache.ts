/** What an incremental refresh builds on: the merged answer of the last run of one query. */
export interface CachedAnswer {
  fromMs: number;
  toMs: number;
  /** The offset the answer's buckets are aligned in: that of its time filter's `from`. */
  offsetMinutes: number;
  data: unknown;
  /** Approximate size (characters of its JSON), for the byte bound. */
  bytes: number;
}

/** Minutes of recent buckets an incremental refresh fetches again (Prometheus's default window). */
export const DEFAULT_OVERLAP_MINUTES = 10;

/** Default bound of one data source instance's cache. */
export const DEFAULT_CACHE_BYTES = 20_000_000;

/**
 * Last answers of time-series queries per data source instance, least recently used first out
 * when over the byte bound. A saved data source is a new instance (and a new, empty cache).
 */
export class IncrementalCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private total = 0;

  constructor(private readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  get bytes(): number {
    return this.total;
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedAnswer): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) {
      return;
    }
    this.entries.set(key, value);
    this.total += value.bytes;
    while (this.total > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(key);
    }
  }
}

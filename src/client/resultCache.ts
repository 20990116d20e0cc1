/** Entries kept at most; each holds one parsed response. */
const MAX_ENTRIES = 500;

/**
 * Short-lived cache of successful responses, keyed by route and request body (so by data
 * source, document and variables). Off unless the data source sets a TTL: metrics of the
 * current bucket change, and a relative time range moves on every refresh anyway, so it pays
 * off for repeated identical requests (absolute ranges, several viewers, panels re-rendered).
 */
export class ResultCache<V> {
  private readonly entries = new Map<string, { expiresAt: number; value: V }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): V | undefined {
    if (!this.enabled) {
      return undefined;
    }
    const hit = this.entries.get(key);
    if (!hit) {
      return undefined;
    }
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    if (!this.enabled) {
      return;
    }
    if (this.entries.size >= MAX_ENTRIES) {
      this.evictExpiredOrOldest();
    }
    this.entries.set(key, { expiresAt: this.now() + this.ttlMs, value });
  }

  private evictExpiredOrOldest(): void {
    const now = this.now();
    for (const [k, e] of this.entries) {
      if (e.expiresAt <= now) {
        this.entries.delete(k);
      }
    }
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
  }
}

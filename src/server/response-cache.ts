/**
 * @module response-cache
 * Serialised responses of public reference data (the parties list), kept for a few
 * seconds. Writes in this process clear it at once; another server process sharing the
 * database sees a change after at most `ttlMs`. Without it every request to the most
 * read endpoint would re-query and re-serialise ~200 States.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { body: string; expiresAt: number }>();
  private clears = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 64,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.body;
  }

  /** Changes on every clear(): read it before computing a body, pass it to set(). */
  get generation(): number {
    return this.clears;
  }

  /**
   * Keeps `body` for `options.ttlMs` (default: the cache's). With `options.generation`, a body
   * computed before a clear() (a write happened meanwhile) is not kept.
   */
  set(key: string, body: string, options: { ttlMs?: number; generation?: number } = {}): void {
    if (options.generation !== undefined && options.generation !== this.clears) return;
    // Arbitrary asOf dates must not grow the map without bound.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { body, expiresAt: this.clock() + (options.ttlMs ?? this.ttlMs) });
  }

  clear(): void {
    this.entries.clear();
    this.clears += 1;
  }
}

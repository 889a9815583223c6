/**
 * @module cached-json
 * Figures that are costly to compute and change only when someone writes: their JSON is kept
 * in a ResponseCache for a while. Every write route that can change them clears the cache in
 * this process at once (a body computed across a clear is not kept); another server process
 * sees the change after at most `ttlMs`. Concurrent requests for one key share one
 * computation, and errors are never kept.
 */
import type { ResponseCache } from '../response-cache.ts';

export type CachedJson = (key: string, compute: () => Promise<unknown>) => Promise<string>;

export function cachedJson(cache: ResponseCache, ttlMs: number): CachedJson {
  const inFlight = new Map<string, Promise<string>>();
  return async (key, compute) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let pending = inFlight.get(key);
    if (!pending) {
      const generation = cache.generation;
      pending = compute()
        .then((value) => {
          const body = JSON.stringify(value);
          cache.set(key, body, { ttlMs, generation });
          return body;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}

export const JSON_TYPE = 'application/json; charset=utf-8';

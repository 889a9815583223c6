import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.ts';

describe('ResponseCache', () => {
  it('serves an entry until it expires, and forgets everything on clear', () => {
    let now = 1_000;
    const cache = new ResponseCache(5_000, 10, () => now);
    cache.set('a', '{"x":1}');
    now += 4_999;
    expect(cache.get('a')).toBe('{"x":1}');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', '{}');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its maximum', () => {
    const cache = new ResponseCache(60_000, 3);
    for (const key of ['1', '2', '3', '4']) cache.set(key, key);
    expect(cache.get('4')).toBe('4');
    expect(cache.get('1')).toBeUndefined();
  });

  it('keeps an entry for its own time, and drops a body computed across a clear', () => {
    let now = 0;
    const cache = new ResponseCache(5_000, 10, () => now);
    cache.set('long', 'x', { ttlMs: 30_000 });
    now = 29_999;
    expect(cache.get('long')).toBe('x');
    const before = cache.generation;
    cache.clear();
    cache.set('stale', 'old', { generation: before });
    expect(cache.get('stale')).toBeUndefined();
    cache.set('fresh', 'new', { generation: cache.generation });
    expect(cache.get('fresh')).toBe('new');
  });
});

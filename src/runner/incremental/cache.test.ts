/** @jest-environment node */
import { DEFAULT_CACHE_BYTES, IncrementalCache, type CachedAnswer } from './cache';

const answer = (bytes: number, data: unknown = bytes): CachedAnswer => ({
  fromMs: 0,
  toMs: 1,
  offsetMinutes: 0,
  data,
  bytes,
});

describe('IncrementalCache', () => {
  it('keeps answers by key and counts their bytes', () => {
    const c = new IncrementalCache(100);
    const a = answer(30, 'a');
    c.set('a', a);
    c.set('b', answer(20));
    expect(c.get('a')).toBe(a);
    expect(c.get('missing')).toBeUndefined();
    expect(c.bytes).toBe(50);
  });

  it('replaces an answer under the same key, counting only the new one', () => {
    const c = new IncrementalCache(100);
    c.set('a', answer(30));
    c.set('a', answer(45, 'new'));
    expect(c.bytes).toBe(45);
    expect(c.get('a')?.data).toBe('new');
  });

  it('drops the least recently used answers when over the byte bound', () => {
    const c = new IncrementalCache(10);
    c.set('a', answer(3));
    c.set('b', answer(3));
    c.set('c', answer(3));
    expect(c.get('a')).toBeDefined();
    c.set('d', answer(3));
    expect([c.get('a'), c.get('b'), c.get('c'), c.get('d')].map((x) => x !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(c.bytes).toBe(9);
  });

  it('drops as many as it takes to fit a large answer', () => {
    const c = new IncrementalCache(10);
    c.set('a', answer(3));
    c.set('b', answer(3));
    c.set('c', answer(3));
    c.set('d', answer(9));
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, undefined, undefined]);
    expect(c.get('d')?.bytes).toBe(9);
    expect(c.bytes).toBe(9);
  });

  it('keeps an answer of exactly the bound', () => {
    const c = new IncrementalCache(10);
    c.set('a', answer(10));
    expect(c.get('a')).toBeDefined();
    expect(c.bytes).toBe(10);
  });

  it('does not keep an answer larger than the bound, and forgets the older one under its key', () => {
    const c = new IncrementalCache(10);
    c.set('a', answer(4));
    c.set('b', answer(4));
    c.set('a', answer(11));
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBeDefined();
    expect(c.bytes).toBe(4);
  });

  it('empties on clear', () => {
    const c = new IncrementalCache(10);
    c.set('a', answer(4));
    c.clear();
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBe(0);
  });

  it('defaults to a 20 MB bound', () => {
    expect(DEFAULT_CACHE_BYTES).toBe(20_000_000);
    const c = new IncrementalCache();
    c.set('big', answer(20_000_000));
    c.set('more', answer(1));
    expect(c.get('big')).toBeUndefined();
    expect(c.bytes).toBe(1);
  });
});

import { ResultCache } from './resultCache';

describe('ResultCache', () => {
  it('returns an entry until its TTL is over', () => {
    let now = 0;
    const cache = new ResultCache<string>(1000, () => now);
    cache.set('k', 'v');
    now = 999;
    expect(cache.get('k')).toBe('v');
    now = 1000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = new ResultCache<string>(0);
    cache.set('k', 'v');
    expect(cache.get('k')).toBeUndefined();
  });
});

import { resultCacheTtlMs, resultCacheTtlProblem } from './resultCacheTtl';

describe('result cache TTL setting', () => {
  it.each(['', '0', '60', '3600'])('accepts %p', (v) => expect(resultCacheTtlProblem(v)).toBeUndefined());
  it.each(['-1', '1.5', '3601', 'abc', '1e3'])('refuses %p', (v) =>
    expect(resultCacheTtlProblem(v)).toMatch(/0 to 3600/)
  );
  it('turns invalid stored values off', () => {
    expect(resultCacheTtlMs({ resultCacheTtlSeconds: 30 })).toBe(30_000);
    expect(resultCacheTtlMs({})).toBe(0);
    expect(resultCacheTtlMs({ resultCacheTtlSeconds: 99999 })).toBe(0);
    expect(resultCacheTtlMs({ resultCacheTtlSeconds: -5 })).toBe(0);
  });
});

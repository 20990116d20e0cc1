/** @jest-environment node */
import { autoGranularity, resolveGranularity, GRANULARITY_MS } from './granularity';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('autoGranularity', () => {
  it('picks 1m when the range has exactly maxDataPoints minutes', () => {
    expect(autoGranularity({ fromMs: 0, toMs: 100 * MIN, maxDataPoints: 100, intervalMs: MIN })).toBe('1m');
  });

  it('moves to 15m one millisecond past that', () => {
    expect(autoGranularity({ fromMs: 0, toMs: 100 * MIN + 1, maxDataPoints: 100, intervalMs: MIN })).toBe('15m');
  });

  it('never goes finer than the panel interval (equality allowed)', () => {
    expect(autoGranularity({ fromMs: 0, toMs: HOUR, maxDataPoints: 1000, intervalMs: 15 * MIN })).toBe('15m');
    expect(autoGranularity({ fromMs: 0, toMs: HOUR, maxDataPoints: 1000, intervalMs: 15 * MIN + 1 })).toBe('1h');
    expect(autoGranularity({ fromMs: 0, toMs: HOUR, maxDataPoints: 1000, intervalMs: 30_000 })).toBe('1m');
  });

  it('fits a week of hours into 168 points but not 167', () => {
    expect(autoGranularity({ fromMs: 0, toMs: 7 * DAY, maxDataPoints: 168 })).toBe('1h');
    expect(autoGranularity({ fromMs: 0, toMs: 7 * DAY, maxDataPoints: 167 })).toBe('1d');
  });

  it('falls back to 7d when nothing fits', () => {
    expect(autoGranularity({ fromMs: 0, toMs: 10_000 * DAY, maxDataPoints: 10 })).toBe('7d');
    expect(autoGranularity({ fromMs: 0, toMs: HOUR, intervalMs: 30 * DAY })).toBe('7d');
  });

  it('handles empty and inverted ranges and a missing maxDataPoints', () => {
    expect(autoGranularity({ fromMs: 5, toMs: 5 })).toBe('1m');
    expect(autoGranularity({ fromMs: 10, toMs: 5 })).toBe('1m');
    // default 1000 points: 1000 minutes fits 1m, 1001 does not
    expect(autoGranularity({ fromMs: 0, toMs: 1000 * MIN })).toBe('1m');
    expect(autoGranularity({ fromMs: 0, toMs: 1001 * MIN })).toBe('15m');
  });

  it('knows the bucket sizes', () => {
    expect(GRANULARITY_MS['7d']).toBe(7 * DAY);
  });
});

describe('resolveGranularity', () => {
  const input = { fromMs: 0, toMs: DAY, maxDataPoints: 95 };
  it('treats absent and auto the same', () => {
    expect(resolveGranularity(undefined, input)).toEqual({ granularity: '1h' });
    expect(resolveGranularity('auto', input)).toEqual({ granularity: '1h' });
  });
  it('keeps an explicit choice even when it makes many buckets', () => {
    expect(resolveGranularity('1m', input)).toEqual({ granularity: '1m' });
  });
  it('rejects what the API would reject', () => {
    expect(resolveGranularity('1w', input)).toEqual({
      error: 'Unknown granularity "1w": choose auto, 1m, 15m, 1h, 1d, 7d.',
    });
    expect(resolveGranularity('toString', input)).toHaveProperty('error');
  });
});

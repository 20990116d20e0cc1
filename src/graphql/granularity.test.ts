import { autoGranularity } from './granularity';

const MIN = 60_000;
const DAY = 86_400_000;

describe('autoGranularity', () => {
  it.each([
    [60 * MIN, 0, '1m'],
    [DAY, 0, '15m'],
    [DAY, 30 * MIN, '1h'],
    [30 * DAY, 0, '1h'],
    [365 * DAY, 0, '1d'],
    [10 * 365 * DAY, 0, '7d'],
    [50 * 365 * DAY, 0, '7d'],
  ])('range %d ms, interval %d ms -> %s', (range, interval, expected) => {
    expect(autoGranularity(range, interval)).toBe(expected);
  });
});

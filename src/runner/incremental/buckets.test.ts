/** @jest-environment node */
import { bucketFloor, bucketSize } from './buckets';

const at = (iso: string) => Date.parse(iso);
const floor = (iso: string, g: string, offset = 0) => new Date(bucketFloor(at(iso), g, offset)).toISOString();

describe('bucketFloor', () => {
  it('floors minutes, quarter hours and hours', () => {
    expect(floor('2026-11-24T10:07:30.500Z', '1m')).toBe('2026-11-24T10:07:00.000Z');
    expect(floor('2026-11-24T10:07:00.000Z', '1m')).toBe('2026-11-24T10:07:00.000Z');
    expect(floor('2026-11-24T10:14:59.999Z', '15m')).toBe('2026-11-24T10:00:00.000Z');
    expect(floor('2026-11-24T10:15:00.000Z', '15m')).toBe('2026-11-24T10:15:00.000Z');
    expect(floor('2026-11-24T10:59:59.999Z', '1h')).toBe('2026-11-24T10:00:00.000Z');
  });

  it('floors days to midnight UTC at offset 0', () => {
    expect(floor('2026-11-24T15:00:00.000Z', '1d')).toBe('2026-11-24T00:00:00.000Z');
    expect(floor('2026-11-24T00:00:00.000Z', '1d')).toBe('2026-11-24T00:00:00.000Z');
    expect(floor('2026-11-23T23:59:59.999Z', '1d')).toBe('2026-11-23T00:00:00.000Z');
  });

  it("floors days to midnight in the filter's offset (+05:30)", () => {
    // 20:30 IST on the 24th: the IST day began at 2026-11-23T18:30Z.
    expect(floor('2026-11-24T15:00:00.000Z', '1d', 330)).toBe('2026-11-23T18:30:00.000Z');
    expect(floor('2026-11-24T18:29:59.999Z', '1d', 330)).toBe('2026-11-23T18:30:00.000Z');
    expect(floor('2026-11-24T18:30:00.000Z', '1d', 330)).toBe('2026-11-24T18:30:00.000Z');
    expect(floor('2026-11-24T07:00:00.000Z', '1d', -480)).toBe('2026-11-23T08:00:00.000Z');
  });

  it("aligns shorter buckets in the filter's offset too, as the emulator does", () => {
    expect(floor('2026-11-24T10:07:00.000Z', '1h', 330)).toBe('2026-11-24T09:30:00.000Z');
    expect(floor('2026-11-24T10:07:00.000Z', '15m', 330)).toBe('2026-11-24T10:00:00.000Z');
    expect(floor('2026-11-24T10:07:00.000Z', '1h', -480)).toBe('2026-11-24T10:00:00.000Z');
  });

  it('starts weeks on Mondays', () => {
    // 2026-11-23 is a Monday.
    expect(floor('2026-11-25T12:00:00.000Z', '7d')).toBe('2026-11-23T00:00:00.000Z');
    expect(floor('2026-11-29T23:59:59.999Z', '7d')).toBe('2026-11-23T00:00:00.000Z');
    expect(floor('2026-11-30T00:00:00.000Z', '7d')).toBe('2026-11-30T00:00:00.000Z');
    expect(floor('2026-11-23T00:00:00.000Z', '7d')).toBe('2026-11-23T00:00:00.000Z');
    expect(floor('1970-01-04T00:00:00.000Z', '7d')).toBe('1969-12-29T00:00:00.000Z');
    expect(new Date(bucketFloor(at('2026-11-26T00:00:00Z'), '7d', 0)).getUTCDay()).toBe(1);
  });

  it("starts weeks on Monday midnight in the filter's offset", () => {
    // Monday 00:00 IST is Sunday 18:30Z.
    expect(floor('2026-11-22T18:30:00.000Z', '7d', 330)).toBe('2026-11-22T18:30:00.000Z');
    expect(floor('2026-11-22T18:29:59.999Z', '7d', 330)).toBe('2026-11-15T18:30:00.000Z');
    expect(floor('2026-11-25T12:00:00.000Z', '7d', -480)).toBe('2026-11-23T08:00:00.000Z');
  });
});

describe('bucketSize', () => {
  it("is the catalog's step", () => {
    expect(['1m', '15m', '1h', '1d', '7d'].map(bucketSize)).toEqual([
      60_000, 900_000, 3_600_000, 86_400_000, 604_800_000,
    ]);
  });
});

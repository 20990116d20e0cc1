/** @jest-environment node */
import { alignSeries, timeSpanCache, toPointSeries, type PointSeries, type TimeSpanCache } from './align';

const s = (times: number[], values: Array<number | null>, fill: PointSeries['fill'] = 'zero'): PointSeries => ({
  times,
  values,
  fill,
});

describe('alignSeries', () => {
  it('merges sorted series; counts fill 0, gauges fill null', () => {
    const r = alignSeries([s([1, 3], [10, 30]), s([2, 3], [5, 6], 'null')]);
    expect(r.times).toEqual([1, 2, 3]);
    expect(r.columns).toEqual([
      [10, 0, 30],
      [null, 5, 6],
    ]);
  });

  it('sorts unsorted series and keeps the last of duplicate buckets', () => {
    const r = alignSeries([s([3, 1, 3], [30, 10, 31])]);
    expect(r.times).toEqual([1, 3]);
    expect(r.columns[0]).toEqual([10, 31]);
  });

  it('adds empty grid buckets for count series, anchored on a returned bucket', () => {
    // 10-unit buckets anchored at 5; range [0, 40): buckets starting -5 (reaches into the range), 5, 15, 25, 35
    const r = alignSeries([s([15], [1])], { fromMs: 0, toMs: 40, stepMs: 10 });
    expect(r.times).toEqual([-5, 5, 15, 25, 35]);
    expect(r.columns[0]).toEqual([0, 0, 1, 0, 0]);
  });

  it('adds no grid to gauge-only frames, nor to empty ones', () => {
    expect(alignSeries([s([15], [1], 'null')], { fromMs: 0, toMs: 40, stepMs: 10 }).times).toEqual([15]);
    expect(alignSeries([s([], [])], { fromMs: 0, toMs: 40, stepMs: 10 }).times).toEqual([]);
    expect(alignSeries([]).times).toEqual([]);
  });
});

describe('toPointSeries', () => {
  it('parses timestamps, keeps nulls, counts unreadable buckets', () => {
    const dropped = { count: 0 };
    const p = toPointSeries(
      [{ t: '1970-01-01T00:00:01Z', v: 1 }, null, { t: 'garbage', v: 2 }, { t: '1970-01-01T00:00:02Z', v: null }],
      (b) => b.t,
      (b) => b.v,
      'zero',
      dropped
    );
    expect(p.times).toEqual([1000, 2000]);
    expect(p.values).toEqual([1, null]);
    expect(dropped.count).toBe(1);
  });
});

describe('toPointSeries with own-key readers', () => {
  const hasOwn = Object.prototype.hasOwnProperty;
  // What a catalog path reader does for one property name: an own property of a non-list object.
  const ownRead = (key: string) => (b: unknown) =>
    b !== null && typeof b === 'object' && !Array.isArray(b) && hasOwn.call(b, key)
      ? (b as Record<string, unknown>)[key]
      : undefined;
  const withKey = <R>(key: string) => Object.assign(ownRead(key) as (b: unknown) => R, { ownKey: key });
  const buckets: unknown[] = [
    { t: '1970-01-01T00:00:01Z', v: 1, length: 5 },
    ['1970-01-01T00:00:02Z', 2],
    '1970-01-01T00:00:03Z',
    7,
    Object.assign(Object.create({ t: '1970-01-01T00:00:04Z', v: 4 }) as object, {}),
    { t: '1970-01-01T00:00:05Z', v: '6' },
  ];

  it.each([
    ['t', 'v'],
    ['length', 'length'],
    ['t', 'length'],
  ])('reads %s / %s in place as the reader would', (time, value) => {
    const a = { count: 0 };
    const b = { count: 0 };
    const inPlace = toPointSeries(buckets, withKey<string>(time), withKey<unknown>(value), 'zero', a);
    const called = toPointSeries(buckets, ownRead(time) as (x: unknown) => string, ownRead(value), 'zero', b);
    expect(inPlace).toEqual(called);
    expect(a.count).toBe(b.count);
  });
});

describe('one response read with a TimeSpanCache', () => {
  const HOUR = 3_600_000;
  const span = (h: number) => `2021-06-21T${String(h).padStart(2, '0')}:00:00.0000000+05:30`;
  const at = (h: number) => Date.UTC(2021, 5, 20, 18, 30) + h * HOUR;
  const read = (hours: number[], dropped: { count: number; spans?: TimeSpanCache }) =>
    toPointSeries(
      hours.map((h, i) => ({ t: h < 0 ? 'garbage' : span(h), v: i })),
      (b) => b.t,
      (b) => b.v,
      'zero',
      dropped
    );

  it('reads shifted, shorter and gappy series the same as without the cache', () => {
    const shapes = [[0, 1, 2, 3], [0, 1, 2, 3], [1, 2, 3], [0, 1], [0, -1, 2, 3], [3, 2, 1], [], [0, 1, 2, 3, 4]];
    const cached = { count: 0, spans: timeSpanCache() };
    const plain = { count: 0 };
    const a = shapes.map((h) => read(h, cached));
    const b = shapes.map((h) => read(h, plain));
    expect(a).toEqual(b);
    expect(a[0].times).toEqual([0, 1, 2, 3].map(at));
    expect(cached.count).toBe(1);
    const grid = { fromMs: at(0), toMs: at(6), stepMs: HOUR };
    expect(alignSeries(a, grid)).toEqual(alignSeries(b, grid));
  });

  it('series on one axis share one times array and align without copying', () => {
    const dropped = { count: 0, spans: timeSpanCache() };
    const series = [read([0, 1, 2], dropped), read([0, 1, 2], dropped)];
    expect(series[1].times).toBe(series[0].times);
    const r = alignSeries(series, { fromMs: at(0), toMs: at(3), stepMs: HOUR });
    expect(r.times).toEqual([0, 1, 2].map(at));
    expect(r.columns[1]).toBe(series[1].values);
  });

  it('still projects a shared axis the grid extends', () => {
    const dropped = { count: 0, spans: timeSpanCache() };
    const series = [read([1, 2], dropped), read([1, 2], dropped)];
    const r = alignSeries(series, { fromMs: at(0), toMs: at(4), stepMs: HOUR });
    expect(r.times).toEqual([0, 1, 2, 3].map(at));
    expect(r.columns).toEqual([
      [0, 0, 1, 0],
      [0, 0, 1, 0],
    ]);
  });
});

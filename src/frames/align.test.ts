/** @jest-environment node */
import { alignSeries, toPointSeries, type PointSeries } from './align';

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

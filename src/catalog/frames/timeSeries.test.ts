// jsdom (the default): @grafana/data, which the frames import, reads window when it loads.
import { FieldType, type DataFrame, type Field } from '@grafana/data';

import { InsightsError } from '../../client/errors';
import { ApiNameMap } from '../../metadata/apiDisplayName';
import { entryFor } from '../catalog';
import type { SeriesSpec, TimeSeriesFrameSpec } from '../format';
import { buildFrames, type FrameContext } from './index';

/** 2026-11-24 at h:m UTC, epoch ms. */
const T = (h: number, m = 0) => Date.UTC(2026, 10, 24, h, m);
const iso = (h: number, m = 0) => new Date(T(h, m)).toISOString();

function context(over: Partial<FrameContext> = {}): FrameContext {
  return {
    options: {},
    attrs: {},
    granularity: '1h',
    fromMs: T(10),
    toMs: T(13),
    lookups: new ApiNameMap([
      { id: 'u1', name: 'Orders API', version: 'v1' },
      { id: 'u2', name: 'Payments API', version: '1.0.0' },
      { id: 'u3', name: 'Billing API', version: '' },
    ]),
    ...over,
  };
}

function series(over: Partial<SeriesSpec> = {}): SeriesSpec {
  return {
    buckets: 'data.s.usage',
    time: 'timeSpan',
    value: 'count',
    field: 'Hits',
    unit: 'short',
    fill: 'zero',
    ...over,
  };
}

function spec(...s: SeriesSpec[]): TimeSeriesFrameSpec {
  return { kind: 'timeSeries', shape: 'timeseries-wide', series: s };
}

function build(s: TimeSeriesFrameSpec, data: unknown, ctx = context()): { frame: DataFrame; notices: string[] } {
  const built = buildFrames(s, data, ctx);
  expect(built.frames).toHaveLength(1);
  return { frame: built.frames[0], notices: built.notices };
}

const times = (f: DataFrame) => f.fields[0].values;
const values = (f: DataFrame, i: number) => f.fields[i].values;
const b = (h: number, count: unknown, m = 0) => ({ timeSpan: iso(h, m), count });

describe('timeSeries frames: one Time field and one number field per series', () => {
  it('is a Time field then the series fields, with unit, display name and labels', () => {
    const s = spec(series({ displayName: 'All hits', labels: { kind: 'hits' } }));
    const { frame, notices } = build(s, { s: { usage: [b(10, 4), b(11, 5), b(12, 6)] } });
    expect(notices).toEqual([]);
    expect(frame.length).toBe(3);
    expect(frame.fields).toEqual<Field[]>([
      { name: 'Time', type: FieldType.time, values: [T(10), T(11), T(12)], config: {} },
      {
        name: 'Hits',
        type: FieldType.number,
        values: [4, 5, 6],
        config: { unit: 'short', displayNameFromDS: 'All hits' },
        labels: { kind: 'hits' },
      },
    ]);
  });

  it('aligns series on the union of their times, sorted and without duplicates', () => {
    const s = spec(
      series({ buckets: 'data.a', field: 'A', fill: 'null' }),
      series({ buckets: 'data.b', field: 'B', fill: 'null' })
    );
    const { frame } = build(s, { a: [b(12, 3), b(10, 1)], b: [b(11, 20), b(12, 30)] });
    expect(times(frame)).toEqual([T(10), T(11), T(12)]);
    expect(values(frame, 1)).toEqual([1, null, 3]);
    expect(values(frame, 2)).toEqual([null, 20, 30]);
  });

  it("keeps a series' duplicate bucket's last value", () => {
    const { frame } = build(spec(series({ fill: 'null' })), { s: { usage: [b(10, 1), b(11, 2), b(10, 9)] } });
    expect(times(frame)).toEqual([T(10), T(11)]);
    expect(values(frame, 1)).toEqual([9, 2]);
  });

  it('reads values as numbers: numeric text as its number, anything else null, and says what was no number', () => {
    const { frame, notices } = build(spec(series({ fill: 'null' })), {
      s: { usage: [b(10, '12'), b(11, '1e2'), b(12, 'n/a'), b(13, true), b(14, null), { timeSpan: iso(15) }] },
    });
    expect(values(frame, 1)).toEqual([12, 100, null, null, null, null]);
    expect(notices).toEqual([
      '2 value(s) of `Hits` could not be read as numbers and are shown empty: the Insights API answered a string.',
    ]);
  });

  it('keeps a bucket whose value is no number as an empty cell, not a 0, in a zero-filled series', () => {
    const { frame, notices } = build(spec(series({ fill: 'zero', displayName: 'All hits' })), {
      s: { usage: [b(10, { n: 1 }), b(12, 3)] },
    });
    expect(times(frame)).toEqual([T(10), T(11), T(12)]);
    expect(values(frame, 1)).toEqual([null, 0, 3]);
    expect(notices).toEqual([
      '1 value(s) of `All hits` could not be read as numbers and are shown empty: the Insights API answered an object.',
    ]);
  });

  it('says so once per field, after the lists and dropped buckets, in field order', () => {
    const s = spec(
      series({ buckets: 'data.a', field: 'A', fill: 'null' }),
      series({ buckets: 'data.b', field: 'B', fill: 'null' }),
      series({ buckets: 'data.c', field: 'C', fill: 'null' })
    );
    const { frame, notices } = build(s, {
      a: [b(10, 1e400), b(11, 'x'), 'junk'],
      b: [b(10, 2), { timeSpan: 'never', count: [] }],
      c: [b(10, [1]), b(11, false), b(12, null)],
    });
    expect(frame.fields.slice(1).map((f) => f.values)).toEqual([
      [null, null, null],
      [2, null, null],
      [null, null, null],
    ]);
    expect(notices).toEqual([
      '1 item(s) of `a` were left out: they are not objects.',
      '1 bucket(s) had a timestamp that could not be read and were left out.',
      '2 value(s) of `A` could not be read as numbers and are shown empty: the Insights API answered a number too large to read.',
      '2 value(s) of `C` could not be read as numbers and are shown empty: the Insights API answered a list.',
    ]);
  });

  it('reads no points from null buckets and a null or absent bucket list', () => {
    expect(times(build(spec(series({ fill: 'null' })), { s: { usage: [null, b(10, 1), null] } }).frame)).toEqual([
      T(10),
    ]);
    expect(build(spec(series()), { s: { usage: null } }).frame.fields[1].values).toEqual([]);
    expect(build(spec(series()), { s: {} }).frame.length).toBe(0);
    expect(build(spec(series()), {}).frame.length).toBe(0);
  });

  it('fails with answerShape when the bucket list is not a list', () => {
    expect(() => build(spec(series()), { s: { usage: 'lots' } })).toThrow(
      new InsightsError('badResponse', 'The Insights API answered `s.usage` with a string where a list was expected.')
    );
  });
});

describe('timeSeries frames: grid fill', () => {
  it('adds every grid time in the range for a zero-filled series, anchored on the first time', () => {
    // Range 09:30–13:00, 1h step, buckets at 10:00 and 12:00: the grid adds 09:00 (reaches into the range) and 11:00.
    const ctx = context({ fromMs: T(9, 30), toMs: T(13) });
    const { frame } = build(spec(series()), { s: { usage: [b(10, 4), b(12, 6)] } }, ctx);
    expect(times(frame)).toEqual([T(9), T(10), T(11), T(12)]);
    expect(values(frame, 1)).toEqual([0, 4, 0, 6]);
  });

  it('anchors the grid on a returned bucket, not the epoch', () => {
    const ctx = context({ fromMs: T(10), toMs: T(13) });
    const { frame } = build(spec(series()), { s: { usage: [b(10, 1, 30)] } }, ctx);
    expect(times(frame)).toEqual([T(9, 30), T(10, 30), T(11, 30), T(12, 30)]);
    expect(values(frame, 1)).toEqual([0, 1, 0, 0]);
  });

  it('adds nothing for null-filled series: missing stays missing', () => {
    const ctx = context({ fromMs: T(9, 30), toMs: T(13) });
    const { frame } = build(spec(series({ fill: 'null' })), { s: { usage: [b(10, 4), b(12, 6)] } }, ctx);
    expect(times(frame)).toEqual([T(10), T(12)]);
    expect(values(frame, 1)).toEqual([4, 6]);
  });

  it('fills a zero series with 0 and a null series with null at grid times either lacks', () => {
    const s = spec(
      series({ buckets: 'data.hits', field: 'Hits' }),
      series({ buckets: 'data.latency', field: 'Latency', fill: 'null', unit: 'ms', axis: 'right' })
    );
    const { frame } = build(s, { hits: [b(10, 5)], latency: [b(10, 80), b(11, 90)] });
    expect(times(frame)).toEqual([T(10), T(11), T(12)]);
    expect(values(frame, 1)).toEqual([5, 0, 0]);
    expect(values(frame, 2)).toEqual([80, 90, null]);
    expect(frame.fields[2].config).toEqual({ unit: 'ms', custom: { axisPlacement: 'right' } });
    expect(frame.fields[1].config).toEqual({ unit: 'short' });
  });

  it('reads fill from an expression (a metric attribute); anything but "null" is zero', () => {
    const s = spec(series({ fill: { $: 'attrs.metric.fill' }, unit: { $: 'attrs.metric.unit' } }));
    const data = { s: { usage: [b(10, 5)] } };
    const gauge = build(s, data, context({ attrs: { metric: { fill: 'null', unit: 'ms' } } })).frame;
    expect(times(gauge)).toEqual([T(10)]);
    expect(gauge.fields[1].config.unit).toBe('ms');
    const count = build(s, data, context({ attrs: { metric: { fill: 'other', unit: 'short' } } })).frame;
    expect(values(count, 1)).toEqual([5, 0, 0]);
  });

  it('takes the step from granularityFrom when the answer names a known one', () => {
    const s: TimeSeriesFrameSpec = { ...spec(series()), granularityFrom: ['data.s.granularity', 'data.other'] };
    const ctx = context({ fromMs: T(0), toMs: T(3), granularity: '1h' });
    const fifteen = build(s, { s: { granularity: '15m', usage: [b(0, 1)] } }, ctx).frame;
    expect(times(fifteen)).toHaveLength(12);
    expect(times(fifteen)[1]).toBe(T(0, 15));
    // Unknown names are skipped: the granularity asked for.
    const asked = build(s, { s: { granularity: '2h', usage: [b(0, 1)] } }, ctx).frame;
    expect(times(asked)).toEqual([T(0), T(1), T(2)]);
  });

  it('adds no grid when the range spans more than 100,000 steps', () => {
    const day = 86_400_000;
    const ctx = context({ granularity: '1m', fromMs: T(0), toMs: T(0) + 70 * day });
    const { frame } = build(spec(series()), { s: { usage: [b(0, 1), b(2, 2)] } }, ctx);
    expect(times(frame)).toEqual([T(0), T(2)]);
    // 69 days of minutes (99,360 steps) are filled.
    const filled = build(spec(series()), { s: { usage: [b(0, 1)] } }, { ...ctx, toMs: T(0) + 69 * day }).frame;
    expect(times(filled)).toHaveLength(69 * 1440);
  });

  it('adds no grid to an empty axis', () => {
    expect(build(spec(series()), { s: { usage: [] } }).frame.length).toBe(0);
  });
});

describe('timeSeries frames: unreadable bucket times', () => {
  it('drops them and says how many, once per frame', () => {
    const s = spec(series({ buckets: 'data.a', field: 'A' }), series({ buckets: 'data.b', field: 'B' }));
    const { frame, notices } = build(s, {
      a: [b(10, 1), { timeSpan: 'yesterday', count: 2 }, { count: 3 }],
      b: [{ timeSpan: 1764000000000, count: 4 }, b(11, 5)],
    });
    expect(times(frame)).toEqual([T(10), T(11), T(12)]);
    expect(values(frame, 1)).toEqual([1, 0, 0]);
    expect(values(frame, 2)).toEqual([0, 5, 0]);
    expect(notices).toEqual(['3 bucket(s) had a timestamp that could not be read and were left out.']);
  });

  it('leaves out buckets that are not objects, with answerItemsSkipped per list spec', () => {
    const { frame, notices } = build(spec(series()), { s: { usage: [b(10, 1), 'x', 7, null, [b(11, 1)]] } });
    expect(times(frame)).toEqual([T(10), T(11), T(12)]);
    expect(notices).toEqual(['3 item(s) of `s.usage` were left out: they are not objects.']);
  });
});

describe('timeSeries frames: each, limit, sortBy, include', () => {
  const each = (over: Partial<SeriesSpec> = {}) =>
    series({
      each: 'data.getAPIUsageOverTime',
      buckets: 'item.usage',
      displayName: { $apiName: { $: 'item.apiId' } },
      labels: { api: { $apiName: { $: 'item.apiId' } }, apiId: { $: 'item.apiId' }, env: { $: 'item.env' } },
      ...over,
    });
  const answer = {
    getAPIUsageOverTime: [
      { apiId: 'u2', usage: [b(10, 2)] },
      null,
      { apiId: 'u1', env: 'prod', usage: [b(11, 1)] },
      { apiId: 'u3', env: '', usage: [b(12, 3)] },
    ],
  };

  it('makes one series per non-null item, with labels for present values only', () => {
    const { frame, notices } = build(spec(each()), answer);
    expect(notices).toEqual([]);
    expect(frame.fields.slice(1).map((f) => [f.name, f.config.displayNameFromDS, f.labels, f.values])).toEqual([
      ['Hits', 'Payments API 1.0.0', { api: 'Payments API 1.0.0', apiId: 'u2' }, [2, 0, 0]],
      ['Hits', 'Orders API v1', { api: 'Orders API v1', apiId: 'u1', env: 'prod' }, [0, 1, 0]],
      ['Hits', 'Billing API', { api: 'Billing API', apiId: 'u3' }, [0, 0, 3]],
    ]);
  });

  it('writes labels as text', () => {
    const { frame } = build(spec(each({ labels: { n: { $: 'item.n' }, ok: { $: 'item.ok' } } })), {
      getAPIUsageOverTime: [{ n: 5, ok: false, usage: [] }],
    });
    expect(frame.fields[1].labels).toEqual({ n: '5', ok: 'false' });
  });

  it('orders series by sortBy text in UTF-16 code units, stably', () => {
    const s = spec(each({ sortBy: { $: 'item.name' }, displayName: { $: 'item.name' }, labels: undefined }));
    const { frame } = build(s, {
      getAPIUsageOverTime: [
        { name: 'b', usage: [] },
        { name: 'B', usage: [] },
        { name: 'a', id: 1, usage: [] },
        { name: 'Z', usage: [] },
        { name: 'a', id: 2, usage: [] },
        { usage: [] },
      ],
    });
    expect(frame.fields.slice(1).map((f) => f.config.displayNameFromDS)).toEqual([undefined, 'B', 'Z', 'a', 'a', 'b']);
  });

  it('keeps the first limit items, before sorting', () => {
    const s = spec(each({ limit: { $: 'options.limit' }, sortBy: { $apiName: { $: 'item.apiId' } } }));
    const two = build(s, answer, context({ options: { limit: 2 } })).frame;
    expect(two.fields.slice(1).map((f) => f.labels?.apiId)).toEqual(['u1', 'u2']);
    const all = build(s, answer, context({ options: {} })).frame;
    expect(all.fields.slice(1).map((f) => f.labels?.apiId)).toEqual(['u3', 'u1', 'u2']);
    const text = build(s, answer, context({ options: { limit: '1' } })).frame;
    expect(text.fields).toHaveLength(4);
    const zero = build(s, answer, context({ options: { limit: 0 } })).frame;
    expect(zero.fields).toHaveLength(1);
  });

  it('includes a series only when include is true', () => {
    const s = spec(
      series({ buckets: 'data.a', field: 'Auth', include: { $selected: ['options.categories', 'AUTH'] } }),
      series({ buckets: 'data.o', field: 'Other', include: { $selected: ['options.categories', 'OTHER'] } }),
      series({ buckets: 'data.o', field: 'Truthy', include: 'yes' })
    );
    const data = { a: [b(10, 1)], o: [b(10, 2)] };
    expect(build(s, data, context({ options: { categories: ['OTHER'] } })).frame.fields.map((f) => f.name)).toEqual([
      'Time',
      'Other',
    ]);
    expect(build(s, data, context({ options: {} })).frame.fields.map((f) => f.name)).toEqual(['Time', 'Auth', 'Other']);
  });

  it('leaves out items that are not objects and says so once per list spec', () => {
    const { frame, notices } = build(spec(each()), {
      getAPIUsageOverTime: [{ apiId: 'u1', usage: [b(10, 1), 'bad'] }, 'nope', 3, { apiId: 'u2', usage: ['bad'] }],
    });
    expect(frame.fields).toHaveLength(3);
    expect(notices).toEqual([
      '2 item(s) of `getAPIUsageOverTime[]` were left out: they are not objects.',
      '2 item(s) of `getAPIUsageOverTime[].usage` were left out: they are not objects.',
    ]);
  });

  it('names the item path when an item holds no list', () => {
    expect(() => build(spec(each()), { getAPIUsageOverTime: [{ apiId: 'u1', usage: { n: 1 } }] })).toThrow(
      'The Insights API answered `getAPIUsageOverTime[].usage` with an object where a list was expected.'
    );
  });

  it("gives the catalog's apiUsage frame for a small answer", () => {
    const apiUsage = entryFor('apiUsage')!.frames as TimeSeriesFrameSpec;
    const { frame, notices } = build(apiUsage, {
      getAPIUsageOverTime: [
        {
          apiId: 'Payments API - 1.0.0',
          granularity: '1h',
          usage: [{ timeSpan: '2026-11-24T10:00:00.0000000+00:00', count: 7 }],
        },
        { apiId: 'u1', granularity: '1h', usage: [{ timeSpan: '2026-11-24T12:00:00Z', count: '3' }] },
      ],
    });
    expect(notices).toEqual([]);
    expect(frame.fields).toEqual([
      { name: 'Time', type: FieldType.time, values: [T(10), T(11), T(12)], config: {} },
      {
        name: 'Hits',
        type: FieldType.number,
        values: [0, 0, 3],
        config: { unit: 'short', displayNameFromDS: 'Orders API v1' },
        labels: { api: 'Orders API v1', apiId: 'u1' },
      },
      {
        name: 'Hits',
        type: FieldType.number,
        values: [7, 0, 0],
        config: { unit: 'short', displayNameFromDS: 'Payments API 1.0.0' },
        labels: { api: 'Payments API 1.0.0', apiId: 'u2' },
      },
    ]);
  });
});

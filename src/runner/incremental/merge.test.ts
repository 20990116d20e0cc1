/** @jest-environment node */
import { entryFor } from '../../catalog/catalog';
import type { SeriesSpec, TimeSeriesFrameSpec } from '../../catalog/format';
import { mergeParts, type Part } from './merge';

const h = (hour: number) => Date.UTC(2026, 10, 24, hour);
const ts = (hour: number) => `2026-11-24T${String(hour).padStart(2, '0')}:00:00.0000000+00:00`;
const b = (hour: number, count: number) => ({ timeSpan: ts(hour), count });

const single = (buckets: string): SeriesSpec => ({
  buckets,
  time: 'timeSpan',
  value: 'count',
  field: 'Hits',
  unit: 'short',
  fill: 'zero',
});

describe('mergeParts: series without each', () => {
  const spec: TimeSeriesFrameSpec = {
    kind: 'timeSeries',
    shape: 'timeseries-wide',
    series: [single('data.summary.usage'), { ...single('data.summary.usage'), value: 'other' }, single('data.errors')],
  };

  it("takes each part's buckets inside its span, in part order; the rest from the newest part", () => {
    const parts: Part[] = [
      {
        data: { summary: { usage: [b(0, 1), b(1, 99)], granularity: '1h' }, errors: [b(0, 5)] },
        span: { fromMs: -Infinity, toMs: h(1) },
      },
      {
        data: { summary: { usage: [b(0, 99), b(1, 2), b(2, 3), b(3, 99)], granularity: '1h' }, errors: [b(2, 6)] },
        span: { fromMs: h(1), toMs: h(3) },
      },
      {
        data: { summary: { usage: [b(2, 99), b(3, 4), b(4, 5)], granularity: '15m' }, errors: null, extra: 'newest' },
        span: { fromMs: h(3), toMs: Infinity },
      },
    ];
    expect(mergeParts(spec, parts)).toEqual({
      summary: { usage: [b(0, 1), b(1, 2), b(2, 3), b(3, 4), b(4, 5)], granularity: '15m' },
      errors: [b(0, 5), b(2, 6)],
      extra: 'newest',
    });
  });

  it('drops buckets whose time cannot be read, and items that are not objects', () => {
    const parts: Part[] = [
      {
        data: { summary: { usage: [{ timeSpan: 'soon', count: 1 }, 'x', null, b(0, 1)] } },
        span: { fromMs: -Infinity, toMs: h(1) },
      },
      { data: { summary: { usage: [b(1, 2)] } }, span: { fromMs: h(1), toMs: Infinity } },
    ];
    expect(mergeParts(spec, parts)).toEqual({ summary: { usage: [b(0, 1), b(1, 2)] }, errors: [] });
  });

  it('does not change the parts', () => {
    const newest = { summary: { usage: [b(1, 2)] } };
    const parts: Part[] = [
      { data: { summary: { usage: [b(0, 1)] } }, span: { fromMs: -Infinity, toMs: h(1) } },
      { data: newest, span: { fromMs: h(1), toMs: Infinity } },
    ];
    mergeParts(spec, parts);
    expect(newest).toEqual({ summary: { usage: [b(1, 2)] } });
  });
});

describe('mergeParts: series per item (each)', () => {
  const apiUsage = entryFor('apiUsage')!.frames as TimeSeriesFrameSpec;
  const item = (apiId: string, usage: unknown[], more: Record<string, unknown> = {}) => ({
    apiId,
    granularity: '1h',
    usage,
    ...more,
  });

  it('matches items across parts by key and joins their buckets by span', () => {
    const parts: Part[] = [
      { data: { getAPIUsageOverTime: [item('u1', [b(0, 1), b(1, 99)])] }, span: { fromMs: -Infinity, toMs: h(1) } },
      {
        data: {
          getAPIUsageOverTime: [item('u2', [b(1, 7), b(2, 8), b(3, 99)]), item('u1', [b(0, 99), b(1, 2), b(2, 3)])],
        },
        span: { fromMs: h(1), toMs: h(3) },
      },
      {
        data: { getAPIUsageOverTime: [item('u1', [b(2, 99), b(3, 4)], { granularity: '15m' }), item('u3', [b(3, 9)])] },
        span: { fromMs: h(3), toMs: Infinity },
      },
    ];
    expect(mergeParts(apiUsage, parts)).toEqual({
      getAPIUsageOverTime: [
        { apiId: 'u1', granularity: '15m', usage: [b(0, 1), b(1, 2), b(2, 3), b(3, 4)] },
        { apiId: 'u3', granularity: '1h', usage: [b(3, 9)] },
        { apiId: 'u2', granularity: '1h', usage: [b(1, 7), b(2, 8)] },
      ],
    });
  });

  it('drops an item with no bucket left in any span, as the API omits it', () => {
    const parts: Part[] = [
      {
        data: { getAPIUsageOverTime: [item('u1', [b(0, 1)]), item('gone', [b(5, 1)])] },
        span: { fromMs: -Infinity, toMs: h(1) },
      },
      {
        data: { getAPIUsageOverTime: [item('u1', [b(1, 2)]), item('empty', [])] },
        span: { fromMs: h(1), toMs: Infinity },
      },
    ];
    expect(mergeParts(apiUsage, parts)).toEqual({
      getAPIUsageOverTime: [{ apiId: 'u1', granularity: '1h', usage: [b(0, 1), b(1, 2)] }],
    });
  });

  it('leaves out items that are not objects and reads a null list as empty', () => {
    const parts: Part[] = [
      { data: { getAPIUsageOverTime: null }, span: { fromMs: -Infinity, toMs: h(1) } },
      { data: { getAPIUsageOverTime: ['u1', null, item('u2', [b(1, 2)])] }, span: { fromMs: h(1), toMs: Infinity } },
    ];
    expect(mergeParts(apiUsage, parts)).toEqual({
      getAPIUsageOverTime: [{ apiId: 'u2', granularity: '1h', usage: [b(1, 2)] }],
    });
  });

  it('keeps the newest part when a single part covers everything', () => {
    const data = { getAPIUsageOverTime: [item('u1', [b(0, 1), b(1, 2)])] };
    expect(mergeParts(apiUsage, [{ data, span: { fromMs: -Infinity, toMs: Infinity } }])).toEqual(data);
  });
});

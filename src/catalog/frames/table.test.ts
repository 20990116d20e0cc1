// jsdom (the default): @grafana/data, which the frames import, reads window when it loads.
import { FieldType, type DataFrame } from '@grafana/data';

import { ApiNameMap } from '../../metadata/apiDisplayName';
import { entryFor } from '../catalog';
import type { ColumnSpec, TableFrameSpec } from '../format';
import { buildFrames, type FrameContext } from './index';

function context(over: Partial<FrameContext> = {}): FrameContext {
  return {
    options: {},
    attrs: {},
    granularity: '1h',
    fromMs: 0,
    toMs: 1,
    lookups: new ApiNameMap([
      { id: 'u1', name: 'Orders API', version: 'v1' },
      { id: 'u2', name: 'Payments API', version: '1.0.0' },
    ]),
    ...over,
  };
}

function build(spec: TableFrameSpec, data: unknown, ctx = context()): { frame: DataFrame; notices: string[] } {
  const built = buildFrames(spec, data, ctx);
  expect(built.frames).toHaveLength(1);
  return { frame: built.frames[0], notices: built.notices };
}

function table(columns: ColumnSpec[], over: Partial<TableFrameSpec> = {}): TableFrameSpec {
  return { kind: 'table', shape: 'table', rows: 'data.list.rows', columns, ...over };
}

const column = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values;

describe('table frames: rows', () => {
  it('makes a row per non-null item and a field per column', () => {
    const spec = table([
      { name: 'Name', type: 'string', value: { $: 'row.name' } },
      { name: 'Count', type: 'number', unit: 'short', displayName: 'Requests', value: { $: 'row.count' } },
    ]);
    const { frame, notices } = build(spec, {
      list: { rows: [{ name: 'a', count: 1 }, null, { name: 'b', count: 2 }] },
    });
    expect(notices).toEqual([]);
    expect(frame.length).toBe(2);
    expect(frame.fields).toEqual([
      { name: 'Name', type: FieldType.string, values: ['a', 'b'], config: {} },
      {
        name: 'Count',
        type: FieldType.number,
        values: [1, 2],
        config: { unit: 'short', displayNameFromDS: 'Requests' },
        labels: undefined,
      },
    ]);
  });

  it('reads the answer itself as the one row with single', () => {
    const spec: TableFrameSpec = {
      kind: 'table',
      shape: 'numeric-wide',
      single: true,
      columns: [
        { name: 'Total', type: 'number', value: { $: 'row.getTotalTraffic.count' } },
        {
          name: 'Rate',
          type: 'number',
          unit: 'percent',
          value: { $percent: [{ $: 'row.errors' }, { $: 'row.getTotalTraffic.count' }] },
        },
      ],
    };
    const { frame } = build(spec, { getTotalTraffic: { count: '400' }, errors: 10 });
    expect(frame.length).toBe(1);
    expect(column(frame, 'Total')).toEqual([400]);
    expect(column(frame, 'Rate')).toEqual([2.5]);
  });

  it('gives no rows for an absent or null list, and fails naming the path for a non-list', () => {
    const spec = table([{ name: 'Name', type: 'string', value: { $: 'row.name' } }]);
    expect(build(spec, { list: {} }).frame.length).toBe(0);
    expect(build(spec, { list: { rows: null } }).frame.length).toBe(0);
    expect(() => build(spec, { list: { rows: { name: 'a' } } })).toThrow(
      'The Insights API answered `list.rows` with an object where a list was expected.'
    );
    expect(() => build(spec, { list: 'none' })).toThrow(
      'The Insights API answered `list` with a string where an object was expected.'
    );
  });

  it('leaves out items that are not objects when columns read row fields, and says so', () => {
    const spec = table([{ name: 'Name', type: 'string', value: { $: 'row.name' } }]);
    const { frame, notices } = build(spec, { list: { rows: [{ name: 'a' }, 'b', 3, null, ['c'], { name: 'd' }] } });
    expect(column(frame, 'Name')).toEqual(['a', 'd']);
    expect(notices).toEqual(['3 item(s) of `list.rows` were left out: they are not objects.']);
  });

  it('keeps plain items (non-null) when no column reads a row field', () => {
    const spec = table([
      { name: 'text', type: 'string', value: { $: 'row' } },
      { name: 'value', type: 'string', value: { $: 'row' } },
    ]);
    const { frame, notices } = build(spec, { list: { rows: ['carbon.super', null, 'acme', 7] } });
    expect(notices).toEqual([]);
    expect(column(frame, 'text')).toEqual(['carbon.super', 'acme', '7']);
  });
});

describe('table frames: column types', () => {
  it('parses time columns from text, anything else null', () => {
    const spec = table([{ name: 'Time', type: 'time', value: { $: 'row.t' } }]);
    const { frame } = build(spec, {
      list: {
        rows: [
          { t: '2026-11-24T10:00:00.0000000+05:30' },
          { t: '2026-11-24 10:00' },
          { t: '2026-11-24' },
          { t: 'yesterday' },
          { t: 1795514400000 },
          { t: null },
          {},
        ],
      },
    });
    expect(frame.fields[0].type).toBe(FieldType.time);
    expect(frame.fields[0].values).toEqual([
      Date.UTC(2026, 10, 24, 4, 30),
      Date.UTC(2026, 10, 24, 10),
      Date.UTC(2026, 10, 24),
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads number columns as numbers: numeric text yes, anything else null and said', () => {
    const spec = table([{ name: 'N', type: 'number', value: { $: 'row.n' } }]);
    const rows = [{ n: 5 }, { n: ' 12 ' }, { n: '1e3' }, { n: '-0.5' }, { n: '12 ms' }, { n: true }, { n: {} }, {}];
    const { frame, notices } = build(spec, { list: { rows } });
    expect(frame.fields[0].values).toEqual([5, 12, 1000, -0.5, null, null, null, null]);
    expect(notices).toEqual([
      '3 value(s) of `N` could not be read as numbers and are shown empty: the Insights API answered a string.',
    ]);
  });

  it('says once per number column, by its display name, what is there but no number; null and absent are silent', () => {
    const spec = table([
      { name: 'Name', type: 'string', value: { $: 'row.name' } },
      { name: 'Count', type: 'number', displayName: 'Requests', value: { $: 'row.count' } },
      { name: 'Latency', type: 'number', value: { $: 'row.latency' } },
      { name: 'Errors', type: 'number', value: { $: 'row.errors' } },
    ]);
    const { frame, notices } = build(spec, {
      list: {
        rows: [
          { name: { x: 1 }, count: [3], latency: false, errors: null },
          { name: 'b', count: 4, latency: 1e400 },
          { name: 'c', count: [], latency: 2 },
        ],
      },
    });
    expect(frame.fields.map((f) => f.values)).toEqual([
      ['{"x":1}', 'b', 'c'],
      [null, 4, null],
      [null, null, 2],
      [null, null, null],
    ]);
    expect(notices).toEqual([
      '2 value(s) of `Requests` could not be read as numbers and are shown empty: the Insights API answered a list.',
      '2 value(s) of `Latency` could not be read as numbers and are shown empty: the Insights API answered true or false.',
    ]);
  });

  it('names the first value that is no number in the order of the answer, before the sort', () => {
    const spec = table([{ name: 'V', type: 'number', value: { $: 'row.v' } }], { sort: { column: 'V', order: 'asc' } });
    const { frame, notices } = build(spec, { list: { rows: [{ v: 'n/a' }, { v: 2 }, { v: {} }, { v: 1 }] } });
    expect(frame.fields[0].values).toEqual([1, 2, null, null]);
    expect(notices).toEqual([
      '2 value(s) of `V` could not be read as numbers and are shown empty: the Insights API answered a string.',
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'totalTraffic',
      { traffic: { total: 5 } },
      '`Total Traffic` could not be read as numbers and are shown empty: the Insights API answered an object',
    ],
    [
      'errorCount',
      { errors: [5] },
      '`Error Request Count` could not be read as numbers and are shown empty: the Insights API answered a list',
    ],
    [
      'latencyP95',
      { latency: true },
      '`95th Percentile Latency` could not be read as numbers and are shown empty: the Insights API answered true or false',
    ],
    [
      'errorRate',
      { errors: 1, traffic: { total: 5 } },
      '`Error Rate` could not be read as numbers and are shown empty: the Insights API answered an object',
    ],
    [
      'errorRate',
      { errors: 'abc', traffic: 5 },
      '`Error Rate` could not be read as numbers and are shown empty: the Insights API answered a string',
    ],
  ])("gives the catalog's %s KPI an empty value and a notice for %j", (kpi, data, text) => {
    const variant = entryFor('overviewKpi')!.variants!.cases[kpi];
    const { frame, notices } = build(variant.frames as TableFrameSpec, data);
    expect(frame.fields[0].values).toEqual([null]);
    expect(notices).toEqual([`1 value(s) of ${text}.`]);
  });

  it("gives the catalog's KPI an empty value and no notice for a null answer (the API's no value)", () => {
    const variant = entryFor('overviewKpi')!.variants!.cases.totalTraffic;
    const { frame, notices } = build(variant.frames as TableFrameSpec, { traffic: null });
    expect(frame.fields[0].values).toEqual([null]);
    expect(notices).toEqual([]);
  });

  it('reads string columns as text: JSON for objects and lists, null for null and absent', () => {
    const spec = table([{ name: 'S', type: 'string', value: { $: 'row.s' } }]);
    const rows = [{ s: 'x' }, { s: 5 }, { s: false }, { s: { a: 1 } }, { s: [1, 'b'] }, { s: null }, {}];
    expect(build(spec, { list: { rows } }).frame.fields[0].values).toEqual([
      'x',
      '5',
      'false',
      '{"a":1}',
      '[1,"b"]',
      null,
      null,
    ]);
  });

  it('evaluates column values with the lookups, the options and attrs', () => {
    const spec = table([
      { name: 'API', type: 'string', value: { $apiName: { $: 'row.apiId' } } },
      { name: 'Metric', type: 'string', value: { $: 'attrs.metric.name' } },
      { name: 'Search', type: 'string', value: { $: 'options.search' } },
    ]);
    const { frame } = build(
      spec,
      { list: { rows: [{ apiId: 'u1' }, { apiId: 'Payments API - 1.0.0' }, { apiId: null }] } },
      context({ options: { search: 'x' }, attrs: { metric: { name: 'Hits' } } })
    );
    expect(column(frame, 'API')).toEqual(['Orders API v1', 'Payments API 1.0.0', 'Unknown API']);
    expect(column(frame, 'Metric')).toEqual(['Hits', 'Hits', 'Hits']);
    expect(column(frame, 'Search')).toEqual(['x', 'x', 'x']);
  });
});

describe('table frames: sort', () => {
  const rows = [
    { name: 'a', v: 5 },
    { name: 'b', v: null },
    { name: 'c', v: '9' },
    { name: 'd', v: 5 },
    { name: 'e', v: 'n/a' },
    { name: 'f', v: 9 },
    { name: 'g', v: -1 },
  ];
  const columns: ColumnSpec[] = [
    { name: 'Name', type: 'string', value: { $: 'row.name' } },
    { name: 'V', type: 'number', value: { $: 'row.v' } },
  ];

  it('sorts desc, stably, values that are not numbers last', () => {
    const { frame } = build(table(columns, { sort: { column: 'V', order: 'desc' } }), { list: { rows } });
    expect(column(frame, 'Name')).toEqual(['c', 'f', 'a', 'd', 'g', 'b', 'e']);
    expect(column(frame, 'V')).toEqual([9, 9, 5, 5, -1, null, null]);
  });

  it('sorts asc, stably, nulls still last', () => {
    const { frame } = build(table(columns, { sort: { column: 'V', order: 'asc' } }), { list: { rows } });
    expect(column(frame, 'Name')).toEqual(['g', 'a', 'd', 'c', 'f', 'b', 'e']);
  });

  it("sorts the catalog's slowest APIs slowest first", () => {
    const spec = entryFor('topSlowestApis')!.frames as TableFrameSpec;
    const { frame } = build(spec, {
      topSlowestAPIs: [
        { apiId: 'u2', latency: 120 },
        { apiId: 'x', latency: null },
        { apiId: 'u1', latency: '450' },
      ],
    });
    expect(frame.fields.map((f) => [f.name, f.values, f.config])).toEqual([
      ['API', ['Orders API v1', 'Payments API 1.0.0', 'x'], {}],
      ['API ID', ['u1', 'u2', 'x'], {}],
      ['Latency', [450, 120, null], { unit: 'ms', displayNameFromDS: '95th Percentile Latency' }],
    ]);
  });
});

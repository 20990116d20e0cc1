// jsdom (the default): @grafana/data, which the frames import, reads window when it loads.
import { FieldType, type DataFrame } from '@grafana/data';

import { ApiNameMap } from '../../metadata/apiDisplayName';
import { entryFor } from '../catalog';
import type { PivotFrameSpec } from '../format';
import { buildFrames, type FrameContext } from './index';

const ctx: FrameContext = {
  options: {},
  attrs: {},
  granularity: '1h',
  fromMs: 0,
  toMs: 1,
  lookups: new ApiNameMap([
    { id: 'u1', name: 'Orders API', version: 'v1' },
    { id: 'u2', name: 'Payments API', version: '1.0.0' },
  ]),
};

const statusCodes = entryFor('errorsByStatusCode')!.frames as PivotFrameSpec;

function build(spec: PivotFrameSpec, data: unknown): { frame: DataFrame; notices: string[] } {
  const built = buildFrames(spec, data, ctx);
  expect(built.frames).toHaveLength(1);
  return { frame: built.frames[0], notices: built.notices };
}

const column = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values;

describe("pivot frames (the catalog's errors by status code)", () => {
  it('is the key columns, then a column per status code holding the sums, 0 where a row has none', () => {
    const { frame, notices } = build(statusCodes, {
      getErrorsByStatusCode: {
        errors: [
          {
            apiId: 'u1',
            errorCountByCode: [
              { statusCode: 404, count: 3 },
              { statusCode: '500', count: '2' },
              { statusCode: 404, count: 1 },
            ],
          },
          { apiId: 'Payments API - 1.0.0', errorCountByCode: [{ statusCode: 503, count: 7 }] },
          { apiId: 'u1', errorCountByCode: [] },
        ],
      },
    });
    expect(notices).toEqual([]);
    expect(frame.length).toBe(3);
    expect(frame.fields).toEqual([
      {
        name: 'API',
        type: FieldType.string,
        values: ['Orders API v1', 'Payments API 1.0.0', 'Orders API v1'],
        config: {},
      },
      { name: 'API ID', type: FieldType.string, values: ['u1', 'u2', 'u1'], config: {} },
      { name: '404', type: FieldType.number, values: [4, 0, 0], config: { unit: 'short', displayNameFromDS: '404' } },
      { name: '500', type: FieldType.number, values: [2, 0, 0], config: { unit: 'short', displayNameFromDS: '500' } },
      { name: '503', type: FieldType.number, values: [0, 7, 0], config: { unit: 'short', displayNameFromDS: '503' } },
    ]);
  });

  it('names a cell without a status code "unknown"; a value that is no number empties its sum, said once per column', () => {
    const { frame, notices } = build(statusCodes, {
      getErrorsByStatusCode: {
        errors: [
          {
            apiId: 'u2',
            errorCountByCode: [
              { statusCode: null, count: 2 },
              { count: 3 },
              { statusCode: '', count: 'many' },
              { statusCode: 429, count: { n: 1 } },
            ],
          },
        ],
      },
    });
    expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['API', ['Payments API 1.0.0']],
      ['API ID', ['u2']],
      ['429', [null]],
      ['unknown', [null]],
    ]);
    expect(notices).toEqual([
      '1 value(s) of `429` could not be read as numbers and are shown empty: the Insights API answered an object.',
      '1 value(s) of `unknown` could not be read as numbers and are shown empty: the Insights API answered a string.',
    ]);
  });

  it('adds what is null as nothing and silently: the API had no value', () => {
    const { frame, notices } = build(statusCodes, {
      getErrorsByStatusCode: {
        errors: [
          {
            apiId: 'u1',
            errorCountByCode: [
              { statusCode: 404, count: 2 },
              { statusCode: 404, count: null },
              { statusCode: 404 },
              { statusCode: 500, count: null },
            ],
          },
          { apiId: 'u2', errorCountByCode: [{ statusCode: 500, count: '3' }] },
        ],
      },
    });
    expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['API', ['Orders API v1', 'Payments API 1.0.0']],
      ['API ID', ['u1', 'u2']],
      ['404', [2, 0]],
      ['500', [0, 3]],
    ]);
    expect(notices).toEqual([]);
  });

  it('keeps the other rows of a column whose value is no number in one row', () => {
    const { frame, notices } = build(statusCodes, {
      getErrorsByStatusCode: {
        errors: [
          {
            apiId: 'u1',
            errorCountByCode: [
              { statusCode: 404, count: [1] },
              { statusCode: 404, count: 1 },
            ],
          },
          {
            apiId: 'u2',
            errorCountByCode: [
              { statusCode: 404, count: 4 },
              { statusCode: 404, count: false },
            ],
          },
        ],
      },
    });
    expect(column(frame, '404')).toEqual([null, null]);
    expect(notices).toEqual([
      '2 value(s) of `404` could not be read as numbers and are shown empty: the Insights API answered a list.',
    ]);
  });

  it('leaves out rows and cells that are not objects, with a notice for each list', () => {
    const { frame, notices } = build(statusCodes, {
      getErrorsByStatusCode: {
        errors: ['u9', null, { apiId: 'u1', errorCountByCode: [{ statusCode: 404, count: 1 }, 404, null, 'x'] }, 7],
      },
    });
    expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['API', ['Orders API v1']],
      ['API ID', ['u1']],
      ['404', [1]],
    ]);
    expect(notices).toEqual([
      '2 item(s) of `getErrorsByStatusCode.errors` were left out: they are not objects.',
      '2 item(s) of `getErrorsByStatusCode.errors[].errorCountByCode` were left out: they are not objects.',
    ]);
  });

  it('gives no rows for an absent list and fails naming the path for a cells value that is not a list', () => {
    expect(build(statusCodes, { getErrorsByStatusCode: null }).frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['API', []],
      ['API ID', []],
    ]);
    expect(() =>
      build(statusCodes, { getErrorsByStatusCode: { errors: [{ apiId: 'u1', errorCountByCode: '404:1' }] } })
    ).toThrow(
      'The Insights API answered `getErrorsByStatusCode.errors[].errorCountByCode` with a string where a list was expected.'
    );
  });
});

describe('pivot frames: column order', () => {
  it('sorts column names by UTF-16 code units (digits, upper case, lower case), not by locale', () => {
    const spec: PivotFrameSpec = {
      kind: 'pivot',
      shape: 'numeric-long',
      rows: 'data.rows',
      keys: [{ name: 'Key', type: 'string', value: { $: 'row.k' } }],
      cells: 'row.cells',
      column: { $: 'cell.c' },
      value: { $: 'cell.v' },
      unit: 'percent',
    };
    const cells = ['b', 'B', 'a', 'Z', '10', '9', 'é', 'e'].map((c, i) => ({ c, v: i }));
    const { frame } = build(spec, { rows: [{ k: 'r1', cells }] });
    expect(frame.fields.map((f) => f.name)).toEqual(['Key', '10', '9', 'B', 'Z', 'a', 'b', 'e', 'é']);
    expect(frame.fields.slice(1).map((f) => f.values[0])).toEqual([4, 5, 1, 3, 2, 0, 7, 6]);
    expect(frame.fields[1].config).toEqual({ unit: 'percent', displayNameFromDS: '10' });
  });
});

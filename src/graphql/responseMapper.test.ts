import { FieldType, type DataFrame } from '@grafana/data';

import { ResponseMapper, renderDisplayName } from './responseMapper';

const T0 = '2021-06-21T00:00:00.0000000+05:30';
const T1 = '2021-06-21T01:00:00.0000000+05:30';
const t0 = Date.UTC(2021, 5, 20, 18, 30);
const t1 = t0 + 3_600_000;

const usageOverTime = {
  getAPIUsageOverTime: [
    {
      apiId: 'a1',
      apiName: 'Pets',
      usage: [
        { timeSpan: T1, count: 4 },
        { timeSpan: T0, count: 3 },
      ],
    },
    { apiId: 'a2', apiName: 'Shop', usage: [{ timeSpan: T0, count: 7 }] },
  ],
};

function col(frame: DataFrame, name: string) {
  const f = frame.fields.find((x) => x.name === name);
  if (!f) {
    throw new Error(`no field ${name} in ${frame.fields.map((x) => x.name).join(',')}`);
  }
  return f;
}

function expectEqualLengths(frame: DataFrame) {
  for (const f of frame.fields) {
    expect(f.values).toHaveLength(frame.length);
  }
}

describe('ResponseMapper', () => {
  it('follows a path through an array, carrying parent fields into each row', () => {
    const { frames } = new ResponseMapper({ dataPath: 'getAPIUsageOverTime.usage' }).map(usageOverTime, 'A');
    expect(frames).toHaveLength(1);
    const f = frames[0];
    expect(f.refId).toBe('A');
    expect(f.length).toBe(3);
    expectEqualLengths(f);
    // Sorted by time; the time field comes first.
    expect(f.fields[0]).toMatchObject({ name: 'timeSpan', type: FieldType.time, values: [t0, t0, t1] });
    expect(col(f, 'apiId').values).toEqual(['a1', 'a2', 'a1']);
    expect(col(f, 'count')).toMatchObject({ type: FieldType.number, values: [3, 7, 4] });
  });

  it('splits series by label fields: one frame per combination, labels on value fields', () => {
    const { frames } = new ResponseMapper({
      dataPath: 'getAPIUsageOverTime.usage',
      labelFields: ['apiId'],
      displayName: '{{apiId}} {{__field}}',
    }).map(usageOverTime);
    expect(frames.map((f) => f.name)).toEqual(['a1 ', 'a2 ']);
    const [a1, a2] = frames;
    expect(a1.fields.map((f) => f.name)).toEqual(['timeSpan', 'apiName', 'count']);
    expect(col(a1, 'count')).toMatchObject({ values: [3, 4], labels: { apiId: 'a1' } });
    expect(col(a1, 'count').config.displayNameFromDS).toBe('a1 count');
    expect(col(a1, 'timeSpan').labels).toBeUndefined();
    expect(col(a2, 'count').values).toEqual([7]);
  });

  it('explodes a nested array of objects into rows with prefixed columns, and finds the time in it', () => {
    const { frames } = new ResponseMapper().map(usageOverTime);
    const f = frames[0];
    expect(f.length).toBe(3);
    expect(f.fields[0]).toMatchObject({ name: 'usage.timeSpan', type: FieldType.time, values: [t0, t0, t1] });
    expect(col(f, 'usage.count').values).toEqual([3, 7, 4]);
  });

  it('flattens nested objects to dotted columns and keeps scalar arrays as JSON text', () => {
    const { frames } = new ResponseMapper({ dataPath: 'list' }).map({
      list: [{ id: 1, owner: { name: 'n', org: { id: 'o' } }, tags: ['x', 'y'] }],
    });
    expect(frames[0].fields.map((f) => [f.name, f.values[0]])).toEqual([
      ['id', 1],
      ['owner.name', 'n'],
      ['owner.org.id', 'o'],
      ['tags', '["x","y"]'],
    ]);
  });

  it('infers one type per column and gives every column a value per row', () => {
    const { frames } = new ResponseMapper({ dataPath: 'rows' }).map({
      rows: [{ a: 1, b: true }, { a: 2.5, c: 'late' }, { a: null, b: false, d: 'x' }, { a: 'n/a' }],
    });
    const f = frames[0];
    expectEqualLengths(f);
    expect(col(f, 'a')).toMatchObject({ type: FieldType.string, values: ['1', '2.5', null, 'n/a'] });
    expect(col(f, 'b')).toMatchObject({ type: FieldType.boolean, values: [true, null, false, null] });
    expect(col(f, 'c')).toMatchObject({ type: FieldType.string, values: [null, 'late', null, null] });
    expect(col(f, 'd').values).toEqual([null, null, 'x', null]);
  });

  it.each([
    ['epochSeconds' as const, 1624233600, 1624233600000],
    ['epochMillis' as const, 1624233600123, 1624233600123],
    ['iso' as const, '2021-06-21T00:00:00.5Z', Date.UTC(2021, 5, 21, 0, 0, 0, 500)],
  ])('reads the time field as %s', (timeFormat, raw, expected) => {
    const { frames, warnings } = new ResponseMapper({ dataPath: 'r', timeField: 'at', timeFormat }).map({
      r: [{ at: raw, v: 1 }],
    });
    expect(warnings).toEqual([]);
    expect(frames[0].fields[0]).toMatchObject({ name: 'at', type: FieldType.time, values: [expected] });
  });

  it('warns about times that do not parse and leaves them empty', () => {
    const { frames, warnings } = new ResponseMapper({ dataPath: 'r', timeField: 'at' }).map({
      r: [
        { at: 'soon', v: 1 },
        { at: T0, v: 2 },
      ],
    });
    expect(frames[0].fields[0].values).toEqual([t0, null]);
    expect(warnings).toEqual(['1 value(s) of "at" are not iso times (e.g. "soon"); they are left empty.']);
  });

  it('indexes arrays with numeric path segments, and maps scalars and [[String]] results', () => {
    expect(new ResponseMapper({ dataPath: 'x.1' }).map({ x: [{ v: 1 }, { v: 2 }] }).frames[0].fields[0].values).toEqual(
      [2]
    );
    expect(new ResponseMapper().map({ getTotalTraffic: 42 }).frames[0].fields[0]).toMatchObject({
      name: 'value',
      values: [42],
    });
    const groups = new ResponseMapper().map({
      getGroupByValues: [
        ['Pets', '1.0'],
        ['Shop', '2.0'],
      ],
    }).frames[0];
    expect(groups.fields.map((f) => [f.name, f.values])).toEqual([
      ['0', ['Pets', 'Shop']],
      ['1', ['1.0', '2.0']],
    ]);
  });

  it('keeps side-by-side lists as JSON text and says why', () => {
    const { frames, warnings } = new ResponseMapper({ dataPath: 'o' }).map({ o: { a: [{ x: 1 }], b: [{ y: 2 }] } });
    expect(frames[0].length).toBe(1);
    expect(warnings).toHaveLength(2);
  });

  it('gives an empty frame for a null result', () => {
    const { frames } = new ResponseMapper({ dataPath: 'getAlertSummary.usage' }).map({ getAlertSummary: null });
    expect(frames).toEqual([{ refId: undefined, name: undefined, fields: [], length: 0 }]);
  });
});

describe('renderDisplayName', () => {
  it('fills labels and the field name, leaving unknown placeholders visible', () => {
    expect(renderDisplayName('{{ apiId }} / {{__field}} / {{nope}}', { apiId: 'a1' }, 'count')).toBe(
      'a1 / count / {{nope}}'
    );
  });
});

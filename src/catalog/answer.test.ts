/** @jest-environment node */
import { InsightsError } from '../client/errors';
import { kindOf, objectsIn, objectsOf, readList, shapeError, skippedNotice } from './answer';

/** The error readList throws, or undefined when it returns. */
function failure(run: () => unknown): InsightsError | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof InsightsError) {
      return e;
    }
    throw e;
  }
}

describe('readList', () => {
  it('reads a list as it is (the same array)', () => {
    const usage = [{ count: 1 }, null, 'x'];
    const ctx = { data: { getAPIUsageOverTime: { usage } } };
    expect(readList(ctx, 'data.getAPIUsageOverTime.usage')).toBe(usage);
    expect(readList({ data: { l: [] } }, 'data.l')).toEqual([]);
  });

  it.each([
    ['absent', { data: {} }],
    ['null', { data: { l: null } }],
    ['under an absent parent', { data: {} as Record<string, unknown> }],
    ['under a null parent', { data: { p: null } }],
    ['with a null answer', { data: null }],
    ['with no answer', {}],
  ])('is an empty list when %s', (_, ctx) => {
    expect(readList(ctx, 'data.p.l')).toEqual([]);
    expect(readList(ctx as Record<string, unknown>, 'data.l')).toEqual([]);
  });

  it.each<[unknown, string]>([
    ['text', 'a string'],
    [3, 'a number'],
    [false, 'true or false'],
    [{ a: 1 }, 'an object'],
  ])('refuses %j where a list is expected, naming the path inside data', (value, got) => {
    const e = failure(() => readList({ data: { getErrorsDetails: { usage: value } } }, 'data.getErrorsDetails.usage'));
    expect(e?.kind).toBe('badResponse');
    expect(e?.message).toBe(
      `The Insights API answered \`getErrorsDetails.usage\` with ${got} where a list was expected.`
    );
  });

  it.each<[unknown, string]>([
    ['text', 'a string'],
    [0, 'a number'],
    [true, 'true or false'],
    [[{ usage: [] }], 'a list'],
  ])('refuses %j on the way where an object is expected', (value, got) => {
    const e = failure(() => readList({ data: { getErrorsDetails: value } }, 'data.getErrorsDetails.usage'));
    expect(e?.message).toBe(`The Insights API answered \`getErrorsDetails\` with ${got} where an object was expected.`);
  });

  it('names the deepest object reached on a longer path', () => {
    const e = failure(() => readList({ data: { a: { b: { c: 5 } } } }, 'data.a.b.c.d'));
    expect(e?.message).toBe('The Insights API answered `a.b.c` with a number where an object was expected.');
  });

  it.each<[unknown, string]>([
    ['oops', 'a string'],
    [[1, 2], 'a list'],
    [7, 'a number'],
  ])('names `data` when the answer itself is %j', (data, got) => {
    expect(failure(() => readList({ data }, 'data.getTopPlatforms'))?.message).toBe(
      `The Insights API answered \`data\` with ${got} where an object was expected.`
    );
  });

  it('names `data` when the path is data itself and it is not a list', () => {
    expect(failure(() => readList({ data: { x: 1 } }, 'data'))?.message).toBe(
      'The Insights API answered `data` with an object where a list was expected.'
    );
  });

  it('writes paths under item or row with their labels (`x[]`)', () => {
    const ctx = { item: { usage: 'many' } };
    expect(failure(() => readList(ctx, 'item.usage', { item: 'getAPIUsageOverTime[]' }))?.message).toBe(
      'The Insights API answered `getAPIUsageOverTime[].usage` with a string where a list was expected.'
    );
    const row = { row: { errorCountByCode: { code: 404 } } };
    expect(
      failure(() => readList(row, 'row.errorCountByCode', { row: 'getErrorsByStatusCode.errors[]' }))?.message
    ).toBe(
      'The Insights API answered `getErrorsByStatusCode.errors[].errorCountByCode` with an object where a list was expected.'
    );
    const deeper = { item: { stats: 3 } };
    expect(failure(() => readList(deeper, 'item.stats.usage', { item: 'l[]' }))?.message).toBe(
      'The Insights API answered `l[].stats` with a number where an object was expected.'
    );
  });

  it('reads own properties only', () => {
    expect(readList({ data: {} }, 'data.constructor')).toEqual([]);
    expect(readList({ data: { l: { x: [] } } }, 'data.l.hasOwnProperty')).toEqual([]);
  });

  it('indexes no list on the way: a list where an object is expected is refused', () => {
    expect(failure(() => readList({ data: { l: [{ usage: [] }] } }, 'data.l.0.usage'))?.message).toBe(
      'The Insights API answered `l` with a list where an object was expected.'
    );
  });
});

describe('objectsIn', () => {
  it('is the list itself when every item is an object', () => {
    const list = [{ a: 1 }, { b: 2 }];
    const skipped = { count: 0 };
    expect(objectsIn(list, skipped)).toBe(list);
    expect(skipped.count).toBe(0);
  });

  it('is what objectsOf gives otherwise', () => {
    const list = [{ a: 1 }, null, 'x', [1], { b: 2 }];
    const skipped = { count: 0 };
    const other = { count: 0 };
    expect(objectsIn(list, skipped)).toEqual(objectsOf(list, other));
    expect(skipped.count).toBe(2);
    expect(other.count).toBe(2);
  });
});

describe('objectsOf', () => {
  it('keeps objects, counts other items, skips null holes silently', () => {
    const skipped = { count: 0 };
    const a = { a: 1 };
    const b = { b: 2 };
    expect(objectsOf([a, null, 'x', 3, b, [1], true, undefined], skipped)).toEqual([a, b]);
    expect(skipped.count).toBe(4);
  });

  it('adds to a running count across lists', () => {
    const skipped = { count: 1 };
    objectsOf(['x'], skipped);
    objectsOf([{}, null], skipped);
    expect(skipped.count).toBe(2);
  });
});

describe('skippedNotice', () => {
  it('says how many items were left out, and where', () => {
    expect(skippedNotice('getAPIUsageOverTime[].usage', { count: 3 })).toEqual([
      '3 item(s) of `getAPIUsageOverTime[].usage` were left out: they are not objects.',
    ]);
  });

  it('says nothing when none was', () => {
    expect(skippedNotice('x', { count: 0 })).toEqual([]);
  });
});

describe('kindOf and shapeError', () => {
  it('names values as the messages do', () => {
    expect([kindOf('s'), kindOf(1), kindOf(true), kindOf([]), kindOf({}), kindOf(null), kindOf(undefined)]).toEqual([
      'a string',
      'a number',
      'true or false',
      'a list',
      'an object',
      'null',
      'nothing',
    ]);
  });

  it('is a badResponse InsightsError with the answerShape text', () => {
    const e = shapeError('x.y', 'v', 'an object');
    expect(e).toBeInstanceOf(InsightsError);
    expect(e.kind).toBe('badResponse');
    expect(e.message).toBe('The Insights API answered `x.y` with a string where an object was expected.');
  });
});

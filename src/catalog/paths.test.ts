/** @jest-environment node */
import fc from 'fast-check';

import { getPath, isPresent, own, pathReader } from './paths';

describe('getPath', () => {
  const ctx = {
    data: { getLatency: { summary: { p95: 120 } }, list: [{ a: 1 }, { a: 2 }] },
    options: { errorCategories: ['AUTH', 'OTHER'] },
    zero: 0,
    nothing: null,
  };

  it('reads dot paths through objects and list indexes', () => {
    expect(getPath(ctx, 'data.getLatency.summary.p95')).toBe(120);
    expect(getPath(ctx, 'options.errorCategories.0')).toBe('AUTH');
    expect(getPath(ctx, 'options.errorCategories.1')).toBe('OTHER');
    expect(getPath(ctx, 'data.list.1.a')).toBe(2);
    expect(getPath(ctx, 'zero')).toBe(0);
    expect(getPath(ctx, 'nothing')).toBeNull();
  });

  it('gives the root for the empty path', () => {
    expect(getPath(ctx, '')).toBe(ctx);
  });

  it('is absent past the end of a list, for a missing key and through a leaf', () => {
    expect(getPath(ctx, 'options.errorCategories.2')).toBeUndefined();
    expect(getPath(ctx, 'data.missing.deeper')).toBeUndefined();
    expect(getPath(ctx, 'zero.toFixed')).toBeUndefined();
    expect(getPath(ctx, 'nothing.x')).toBeUndefined();
    expect(getPath('text', 'length')).toBeUndefined();
  });

  it('reads only digits as list indexes: no list properties', () => {
    expect(getPath(ctx, 'options.errorCategories.length')).toBeUndefined();
    expect(getPath(ctx, 'options.errorCategories.-1')).toBeUndefined();
    expect(getPath(ctx, 'options.errorCategories.map')).toBeUndefined();
  });

  it('finds no built-in through constructor, __proto__ or prototype methods', () => {
    expect(getPath(ctx, 'constructor')).toBeUndefined();
    expect(getPath(ctx, '__proto__')).toBeUndefined();
    expect(getPath(ctx, 'data.constructor.name')).toBeUndefined();
    expect(getPath(ctx, 'data.__proto__.hasOwnProperty')).toBeUndefined();
    expect(getPath(ctx, 'data.toString')).toBeUndefined();
    expect(getPath(ctx, 'options.errorCategories.constructor')).toBeUndefined();
    expect(getPath({ a: [] }, 'a.__proto__')).toBeUndefined();
  });

  it('reads an own property named constructor or __proto__ when an answer has one', () => {
    const answer = JSON.parse('{"constructor": "mine", "__proto__": {"x": 7}}') as unknown;
    expect(getPath(answer, 'constructor')).toBe('mine');
    expect(getPath(answer, '__proto__.x')).toBe(7);
  });

  it('reads * as the first item for which the rest of the path is present', () => {
    const data = {
      series: [{ granularity: null }, { granularity: '' }, { other: 1 }, { granularity: '1h' }, { granularity: '1d' }],
    };
    expect(getPath(data, 'series.*.granularity')).toBe('1h');
    expect(getPath({ l: [[], [3, 4]] }, 'l.*')).toEqual([3, 4]);
    expect(getPath({ l: [null, '', 'x'] }, 'l.*')).toBe('x');
    expect(getPath({ l: [{ a: { b: [] } }, { a: { b: [1] } }] }, 'l.*.a.b.0')).toBe(1);
  });

  it('reads * as absent when nothing matches or the value is no list', () => {
    expect(getPath({ series: [{ granularity: null }, {}] }, 'series.*.granularity')).toBeUndefined();
    expect(getPath({ series: [] }, 'series.*.granularity')).toBeUndefined();
    expect(getPath({ series: { a: { granularity: '1h' } } }, 'series.*.granularity')).toBeUndefined();
    expect(getPath({}, 'series.*')).toBeUndefined();
  });
});

/** The path read as written in catalog/README.md, segment by segment with `own` (no `*`). */
function reference(root: unknown, path: string): unknown {
  let v = root;
  for (const s of path === '' ? [] : path.split('.')) {
    v = own(v, s);
    if (v === undefined) {
      return undefined;
    }
  }
  return v;
}

describe('pathReader', () => {
  const keys = ['a', 'b', '0', '1', '01', '', 'length', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, 0, 1, '', 'ab', true),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...keys), tie('node'), { maxKeys: 4 })
    ),
  })).node;
  const path = fc.array(fc.constantFrom(...keys), { maxLength: 4 }).map((segments) => segments.join('.'));

  it('reads every path as own() does, segment by segment (1,000 random values and paths)', () => {
    fc.assert(
      fc.property(value, path, (root, p) => {
        expect(pathReader(p)(root)).toBe(reference(root, p));
        expect(getPath(root, p)).toBe(reference(root, p));
      }),
      { numRuns: 1000 }
    );
  });

  it('names the own key of one-segment property paths only', () => {
    expect(pathReader('count').ownKey).toBe('count');
    expect(pathReader('length').ownKey).toBe('length');
    expect(pathReader('0').ownKey).toBeUndefined();
    expect(pathReader('a.b').ownKey).toBeUndefined();
    expect(pathReader('*').ownKey).toBeUndefined();
    expect(pathReader('').ownKey).toBeUndefined();
  });

  it('compiles a path once', () => {
    expect(pathReader('data.getLatency.summary')).toBe(pathReader('data.getLatency.summary'));
  });
});

describe('own', () => {
  it('reads own properties and digit indexes only', () => {
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(own({ a: 1 }, 'hasOwnProperty')).toBeUndefined();
    expect(own(['x', 'y'], '1')).toBe('y');
    expect(own(['x', 'y'], 'length')).toBeUndefined();
    expect(own('abc', '0')).toBeUndefined();
    expect(own(null, 'a')).toBeUndefined();
    expect(own(undefined, 'a')).toBeUndefined();
    expect(own(Object.create({ inherited: 1 }) as object, 'inherited')).toBeUndefined();
  });
});

describe('isPresent', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    [[], false],
    [0, true],
    [false, true],
    [' ', true],
    ['x', true],
    [[null], true],
    [{}, true],
  ])('%j → %s', (value, present) => {
    expect(isPresent(value)).toBe(present);
  });
});

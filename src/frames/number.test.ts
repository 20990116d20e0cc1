/** @jest-environment node */
import { readNumber } from './number';

describe('readNumber', () => {
  it.each<[unknown, number]>([
    [0, 0],
    [-12.5, -12.5],
    [1e21, 1e21],
    [Number.MAX_VALUE, Number.MAX_VALUE],
  ])('reads the finite number %p as it is', (v, n) => {
    expect(readNumber(v)).toBe(n);
  });

  it.each<[string, number]>([
    ['12', 12],
    ['-3', -3],
    ['0.25', 0.25],
    ['  42  ', 42],
    ['\t7\n', 7],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1e+2', 100],
    ['007', 7],
    ['-0.0', -0],
  ])('reads numeric text %j as %p', (v, n) => {
    expect(readNumber(v)).toBe(n);
  });

  it.each<[string, unknown]>([
    ['NaN', NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['empty text', ''],
    ['blank text', '   '],
    ['a leading +', '+1'],
    ['a trailing dot', '1.'],
    ['a leading dot', '.5'],
    ['hex', '0x10'],
    ['binary', '0b11'],
    ['separators', '1_000'],
    ['a comma', '1,5'],
    ['a unit', '12 ms'],
    ['"Infinity"', 'Infinity'],
    ['"NaN"', 'NaN'],
    ['text that overflows', '1e400'],
    ['non-ASCII digits', '\u0661\u0662'],
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['a list', [1]],
    ['an object', { n: 1 }],
    ['a bigint', BigInt(5)],
  ])('reads %s as null', (_, v) => {
    expect(readNumber(v)).toBeNull();
  });
});

/** @jest-environment node */
import { MAX_DEPTH, nestsDeeperThan, safeJson } from './depth';

/** `levels` lists (or objects) inside each other, built without recursion. */
function nested(levels: number, kind: 'list' | 'object' = 'list'): unknown {
  let v: unknown = kind === 'list' ? [] : {};
  for (let i = 1; i < levels; i++) {
    v = kind === 'list' ? [v] : { a: v };
  }
  return v;
}

describe('nestsDeeperThan', () => {
  it('answers for a value 50,000 levels deep without exhausting the stack', () => {
    const deep = nested(50_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(nestsDeeperThan(deep)).toBe(true);
    expect(nestsDeeperThan(nested(50_000, 'object'))).toBe(true);
  });

  it('counts lists and objects as levels: exactly the maximum is not deeper', () => {
    expect(MAX_DEPTH).toBe(64);
    expect(nestsDeeperThan(nested(64))).toBe(false);
    expect(nestsDeeperThan(nested(65))).toBe(true);
    expect(nestsDeeperThan(nested(3, 'object'), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4, 'object'), 3)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: [1] }] }, 3)).toBe(true);
  });

  it('does not count leaves', () => {
    expect(nestsDeeperThan({ a: 'x', b: 1, c: null, d: true }, 1)).toBe(false);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan([], 0)).toBe(true);
  });

  it('finds a deep branch beside shallow ones', () => {
    expect(nestsDeeperThan({ a: 1, b: [[]], c: { d: { e: { f: {} } } } }, 4)).toBe(true);
    expect(nestsDeeperThan([{}, {}, [{}]], 3)).toBe(false);
  });

  it('gives up (false) after visiting budget nodes', () => {
    const five = nested(5);
    expect(nestsDeeperThan(five, 3, 2)).toBe(false);
    expect(nestsDeeperThan(five, 3, 100)).toBe(true);
  });
});

describe('safeJson', () => {
  it('is the JSON text of a value within the bound', () => {
    expect(safeJson({ a: [1, 'b'], c: null })).toBe('{"a":[1,"b"],"c":null}');
    expect(safeJson(nested(64))).toBe(JSON.stringify(nested(64)));
  });

  it('is a marker for a value nested deeper', () => {
    expect(safeJson(nested(65))).toBe('[nested more than 64 levels deep]');
    expect(safeJson(nested(50_000, 'object'))).toBe('[nested more than 64 levels deep]');
  });
});

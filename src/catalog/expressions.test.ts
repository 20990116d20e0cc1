/** @jest-environment node */
import { ApiNameMap } from '../metadata/apiDisplayName';
import { evaluate, percent, type NameLookups } from './expressions';
import type { Expr } from './format';

const ctx = {
  timeFilter: { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
  orgId: 'org-1',
  apiIds: ['a1', 'a2'],
  empty: [] as string[],
  blank: '',
  nothing: null,
  zero: 0,
  options: { search: 'timeout', errorCategories: ['AUTH'], limit: 5 },
  row: { count: '12', total: 48, name: 'Orders', version: 'v1', obj: { x: 1 } },
};

describe('evaluate: literals', () => {
  it.each<[Expr]>([['text'], [3], [true], [false], [null]])('%j is itself', (e) => {
    expect(evaluate(e, ctx)).toBe(e);
  });
});

describe('evaluate: lists', () => {
  it('evaluates each item and leaves absent items out', () => {
    expect(evaluate([{ $: 'orgId' }, { $: 'missing' }, 1, null, { $: 'blank' }], ctx)).toEqual(['org-1', 1, null, '']);
  });

  it('keeps an empty list empty', () => {
    expect(evaluate([], ctx)).toEqual([]);
    expect(evaluate([{ $: 'missing' }], ctx)).toEqual([]);
  });
});

describe('evaluate: $ (paths)', () => {
  it('reads the context at a dot path', () => {
    expect(evaluate({ $: 'timeFilter' }, ctx)).toEqual(ctx.timeFilter);
    expect(evaluate({ $: 'apiIds.0' }, ctx)).toBe('a1');
    expect(evaluate({ $: 'options.limit' }, ctx)).toBe(5);
  });

  it('is absent for a missing path, and takes default then', () => {
    expect(evaluate({ $: 'missing' }, ctx)).toBeUndefined();
    expect(evaluate({ $: 'missing', default: 'fallback' }, ctx)).toBe('fallback');
    expect(evaluate({ $: 'missing', default: { $: 'orgId' } }, ctx)).toBe('org-1');
  });

  it('keeps null, "" and 0 (present or not, they are values, not absent): no default', () => {
    expect(evaluate({ $: 'nothing', default: 'fallback' }, ctx)).toBeNull();
    expect(evaluate({ $: 'blank', default: 'fallback' }, ctx)).toBe('');
    expect(evaluate({ $: 'zero', default: 7 }, ctx)).toBe(0);
  });

  it('finds no built-ins', () => {
    expect(evaluate({ $: 'constructor' }, ctx)).toBeUndefined();
    expect(evaluate({ $: 'row.__proto__' }, ctx)).toBeUndefined();
  });
});

describe('evaluate: objects', () => {
  it('evaluates each key and leaves absent keys out', () => {
    expect(
      evaluate(
        { filter: { apiIds: { $: 'apiIds' }, appIds: { $: 'appIds' }, granularity: '1h' }, orgId: { $: 'orgId' } },
        ctx
      )
    ).toEqual({ filter: { apiIds: ['a1', 'a2'], granularity: '1h' }, orgId: 'org-1' });
  });

  it('ignores $comment keys', () => {
    expect(evaluate({ $comment: 'why', a: 1, nested: { $comment: 'also', b: 2 } }, ctx)).toEqual({
      a: 1,
      nested: { b: 2 },
    });
  });

  it('keeps keys in the catalog order', () => {
    expect(Object.keys(evaluate({ z: 1, a: 2, m: { $: 'missing' }, b: 3 }, ctx) as object)).toEqual(['z', 'a', 'b']);
  });
});

describe('evaluate: $if', () => {
  it('is the object of the other keys when the path is present', () => {
    expect(evaluate({ $if: 'options.search', searchText: { $: 'options.search' }, gone: { $: 'x' } }, ctx)).toEqual({
      searchText: 'timeout',
    });
    expect(evaluate({ $if: 'zero', v: 1 }, ctx)).toEqual({ v: 1 });
  });

  it.each(['missing', 'nothing', 'blank', 'empty'])('is absent when %s is not present', (path) => {
    expect(evaluate({ $if: path, v: 1 }, ctx)).toBeUndefined();
    expect(evaluate({ filter: { $if: path, v: 1 }, other: 2 }, ctx)).toEqual({ other: 2 });
  });
});

describe('evaluate: $coalesce', () => {
  it('is the first present value', () => {
    expect(
      evaluate({ $coalesce: [{ $: 'missing' }, { $: 'nothing' }, { $: 'blank' }, { $: 'empty' }, 'x', 'y'] }, ctx)
    ).toBe('x');
    expect(evaluate({ $coalesce: [{ $: 'zero' }, 'y'] }, ctx)).toBe(0);
  });

  it('is absent when none is present', () => {
    expect(evaluate({ $coalesce: [{ $: 'missing' }, null, ''] }, ctx)).toBeUndefined();
    expect(evaluate({ $coalesce: [] }, ctx)).toBeUndefined();
  });
});

describe('evaluate: $concat', () => {
  it("joins the parts' text", () => {
    expect(
      evaluate({ $concat: [{ $: 'row.name' }, ' ', { $: 'row.version' }, ' #', { $: 'row.total' }, true] }, ctx)
    ).toBe('Orders v1 #48true');
    expect(evaluate({ $concat: [{ $: 'zero' }] }, ctx)).toBe('0');
  });

  it.each<[string, Expr]>([
    ['absent', { $: 'missing' }],
    ['null', { $: 'nothing' }],
    ['""', { $: 'blank' }],
    ['[]', { $: 'empty' }],
    ['an object', { $: 'row.obj' }],
    ['a list', { $: 'apiIds' }],
  ])('is absent when a part is %s', (_, part) => {
    expect(evaluate({ $concat: ['a', part, 'b'] }, ctx)).toBeUndefined();
  });
});

describe('evaluate: $join', () => {
  it('joins the present, non-object items with "," by default', () => {
    expect(evaluate({ $join: { $: 'apiIds' } }, ctx)).toBe('a1,a2');
    expect(evaluate({ $join: ['a', null, '', 3, { x: 1 }, ['l'], false, 'b'] }, ctx)).toBe('a,3,false,b');
  });

  it('joins with sep when given', () => {
    expect(evaluate({ $join: { $: 'apiIds' }, sep: ' / ' }, ctx)).toBe('a1 / a2');
    expect(evaluate({ $join: ['x', 'y'], sep: '' }, ctx)).toBe('xy');
  });

  it('is absent when no item is left or the value is not a list', () => {
    expect(evaluate({ $join: { $: 'empty' } }, ctx)).toBeUndefined();
    expect(evaluate({ $join: [null, ''] }, ctx)).toBeUndefined();
    expect(evaluate({ $join: { $: 'orgId' } }, ctx)).toBeUndefined();
    expect(evaluate({ $join: { $: 'missing' } }, ctx)).toBeUndefined();
  });
});

describe('evaluate: $percent', () => {
  it('is n / d × 100, numeric text read as numbers', () => {
    expect(evaluate({ $percent: [{ $: 'row.count' }, { $: 'row.total' }] }, ctx)).toBe(25);
    expect(evaluate({ $percent: [1, 3] }, ctx)).toBeCloseTo(33.333333333, 8);
    expect(evaluate({ $percent: ['1e1', ' 40 '] }, ctx)).toBe(25);
  });

  it('is 0 when d is zero or negative', () => {
    expect(evaluate({ $percent: [5, 0] }, ctx)).toBe(0);
    expect(evaluate({ $percent: [5, -2] }, ctx)).toBe(0);
    expect(evaluate({ $percent: [0, 0] }, ctx)).toBe(0);
  });

  it.each<[string, Expr]>([
    ['n is absent', { $percent: [{ $: 'missing' }, 4] }],
    ['n is null', { $percent: [null, 4] }],
    ['d is null', { $percent: [4, null] }],
    ['d is missing', { $percent: [4] }],
    ['both are missing', { $percent: [] }],
    ['n is null and d is 0', { $percent: [null, 0] }],
  ])('is null when %s', (_, e) => {
    expect(evaluate(e, ctx)).toBeNull();
  });

  // So the number column reading the rate can say what the API answered (an empty KPI alone
  // would read "No data").
  it.each<[string, Expr, unknown]>([
    ['n is not numeric text', { $percent: ['12 requests', 4] }, '12 requests'],
    ['d is an object', { $percent: [4, { $: 'row.obj' }] }, { x: 1 }],
    ['d is true and n is null', { $percent: [null, true] }, true],
    ['both are lists (the first wins)', { $percent: [[1], [2]] }, [1]],
  ])('is the operand itself when %s', (_, e, want) => {
    expect(evaluate(e, ctx)).toEqual(want);
  });

  it('percent() agrees', () => {
    expect(percent(1, 4)).toBe(25);
    expect(percent(1, 0)).toBe(0);
    expect(percent(null, 4)).toBeNull();
    expect(percent(4, null)).toBeNull();
  });
});

describe('evaluate: $selected', () => {
  const opts = { options: { some: ['AUTH', 'OTHER'], none: [] as string[] } };

  it('is true when the list contains the value', () => {
    expect(evaluate({ $selected: ['options.some', 'AUTH'] }, opts)).toBe(true);
    expect(evaluate({ $selected: ['options.some', 'THROTTLED'] }, opts)).toBe(false);
  });

  it('is true when the list is absent or empty', () => {
    expect(evaluate({ $selected: ['options.none', 'AUTH'] }, opts)).toBe(true);
    expect(evaluate({ $selected: ['options.missing', 'AUTH'] }, opts)).toBe(true);
  });
});

describe('evaluate: $apiName and $apiId', () => {
  const calls: unknown[] = [];
  const lookups: NameLookups = {
    name: (id) => {
      calls.push(['name', id]);
      return `name of ${String(id)}`;
    },
    id: (id) => {
      calls.push(['id', id]);
      return id === null ? null : `id of ${String(id)}`;
    },
  };

  beforeEach(() => {
    calls.length = 0;
  });

  it('asks the lookups with the evaluated value', () => {
    expect(evaluate({ $apiName: { $: 'apiIds.1' } }, ctx, lookups)).toBe('name of a2');
    expect(evaluate({ $apiId: { $: 'apiIds.0' } }, ctx, lookups)).toBe('id of a1');
    expect(evaluate({ $apiId: null }, ctx, lookups)).toBeNull();
    expect(evaluate({ $apiName: { $: 'missing' } }, ctx, lookups)).toBe('name of undefined');
    expect(calls).toEqual([
      ['name', 'a2'],
      ['id', 'a1'],
      ['id', null],
      ['name', undefined],
    ]);
  });

  it('passes the lookups into nested expressions', () => {
    expect(evaluate({ labels: { api: { $apiName: 'x' } }, list: [{ $apiId: 'y' }] }, ctx, lookups)).toEqual({
      labels: { api: 'name of x' },
      list: ['id of y'],
    });
  });

  it('reads names the README way with the real ApiNameMap', () => {
    const map = new ApiNameMap([
      { id: 'u1', name: 'Orders API', version: 'v1' },
      { id: 'u2', name: 'Payments API', version: '' },
    ]);
    const name = (v: Expr) => evaluate({ $apiName: v }, ctx, map);
    const id = (v: Expr) => evaluate({ $apiId: v }, ctx, map);
    expect(name('u1')).toBe('Orders API v1');
    expect(name('u2')).toBe('Payments API');
    expect(name('Orders API - v1')).toBe('Orders API v1');
    expect(name('A - B -  2.0 ')).toBe('A - B 2.0');
    expect(name('unknown-id')).toBe('unknown-id');
    expect(name(42)).toBe('42');
    expect(name(null)).toBe('Unknown API');
    expect(name('')).toBe('Unknown API');
    expect(id('u1')).toBe('u1');
    expect(id('Orders API - v1')).toBe('u1');
    expect(id('Other API - v9')).toBe('Other API - v9');
    expect(id(7)).toBe('7');
    expect(id(null)).toBeNull();
    expect(id('')).toBeNull();
  });

  it('throws without lookups, naming the lookup to declare', () => {
    expect(() => evaluate({ $apiName: 'u1' }, ctx)).toThrow(
      'catalog: $apiName needs the apiNames lookup (declare it in "lookups")'
    );
    expect(() => evaluate({ a: [{ $apiId: 'u1' }] }, ctx)).toThrow(
      'catalog: $apiId needs the apiNames lookup (declare it in "lookups")'
    );
  });
});

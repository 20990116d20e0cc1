import { frameOf, numberField } from '../../frames/fields';
import { textOf } from '../../frames/depth';
import { readNumberNoting, unreadable, type Unreadable } from '../../frames/number';
import { evaluate, type Context } from '../expressions';
import type { PivotFrameSpec } from '../format';
import type { BuiltFrames, FrameContext } from './context';
import { objectsOf, readList, skippedNotice, unreadableNotice } from '../answer';
import { columnField, labelOf, rowsAt, unreadableNotices } from './table';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One row per item of `rows`, the `keys` columns first, then one number column per distinct
 * `column` value of the item's `cells` (sorted by name), holding the sum of the cells' `value`
 * and 0 where a row has no such cell. A cell whose value is there but is no number leaves its
 * sum empty: the total is not known, and a 0 (or the sum of the others) would pass for one.
 */
export function pivotFrames(spec: PivotFrameSpec, data: unknown, f: FrameContext): BuiltFrames {
  const base: Context = { data, options: f.options, attrs: f.attrs, granularity: f.granularity };
  const notices: string[] = [];
  const rowsLabel = labelOf(spec.rows);
  const rows = rowsAt(base, spec.rows, true, notices);
  const skippedCells = { count: 0 };
  const sums = new Map<string, { values: Array<number | null>; bad: Unreadable }>();
  const keys = spec.keys.map(() => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    const ctx = { ...base, row };
    spec.keys.forEach((k, i) => {
      const v = evaluate(k.value, ctx, f.lookups);
      keys[i][r] = v === undefined ? null : v;
    });
    for (const cell of objectsOf(readList(ctx, spec.cells, { row: `${rowsLabel}[]` }), skippedCells)) {
      const name = textOf(evaluate(spec.column, { ...ctx, cell }, f.lookups));
      let column = sums.get(name);
      if (!column) {
        column = { values: new Array<number | null>(rows.length).fill(0), bad: unreadable() };
        sums.set(name, column);
      }
      const before = column.bad.n;
      const n = readNumberNoting(evaluate(spec.value, { ...ctx, cell }, f.lookups), column.bad);
      const sum = column.values[r];
      column.values[r] = column.bad.n > before || sum === null ? null : sum + (n ?? 0);
    }
  });
  notices.push(...skippedNotice(labelOf(spec.cells, rowsLabel), skippedCells));
  const names = [...sums.keys()].sort(compareCodeUnits);
  notices.push(...unreadableNotices(spec.keys, keys));
  for (const name of names) {
    notices.push(...unreadableNotice(name, sums.get(name)!.bad));
  }
  return {
    frames: [
      frameOf([
        ...spec.keys.map((k, i) => columnField(k, keys[i])),
        ...names.map((name) => numberField(name, sums.get(name)!.values, { unit: spec.unit, displayName: name })),
      ]),
    ],
    notices,
  };
}

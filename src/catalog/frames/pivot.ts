import { frameOf, numberField } from '../../frames/fields';
import { textOf } from '../../frames/depth';
import { readNumber } from '../../frames/number';
import { evaluate, type Context } from '../expressions';
import type { PivotFrameSpec } from '../format';
import type { BuiltFrames, FrameContext } from './context';
import { objectsOf, readList, skippedNotice } from '../answer';
import { columnField, labelOf, rowsAt } from './table';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One row per item of `rows`, the `keys` columns first, then one number column per distinct
 * `column` value of the item's `cells` (sorted by name), holding the sum of the cells' `value`
 * and 0 where a row has no such cell.
 */
export function pivotFrames(spec: PivotFrameSpec, data: unknown, f: FrameContext): BuiltFrames {
  const base: Context = { data, options: f.options, attrs: f.attrs, granularity: f.granularity };
  const notices: string[] = [];
  const rowsLabel = labelOf(spec.rows);
  const rows = rowsAt(base, spec.rows, true, notices);
  const skippedCells = { count: 0 };
  const sums = new Map<string, number[]>();
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
        column = new Array<number>(rows.length).fill(0);
        sums.set(name, column);
      }
      column[r] += readNumber(evaluate(spec.value, { ...ctx, cell }, f.lookups)) ?? 0;
    }
  });
  notices.push(...skippedNotice(labelOf(spec.cells, rowsLabel), skippedCells));
  const names = [...sums.keys()].sort(compareCodeUnits);
  return {
    frames: [
      frameOf([
        ...spec.keys.map((k, i) => columnField(k, keys[i])),
        ...names.map((name) => numberField(name, sums.get(name)!, { unit: spec.unit, displayName: name })),
      ]),
    ],
    notices,
  };
}

import { FieldType, type Field } from '@grafana/data';

import { frameOf, numberField, stringField } from '../../frames/fields';
import { readNumber } from '../../frames/number';
import { parseTimeSpan } from '../../time/parseTimeSpan';
import { evaluate, type Context } from '../expressions';
import type { ColumnSpec, TableFrameSpec } from '../format';
import { getPath } from '../paths';
import type { BuiltFrames, FrameContext } from './context';

/** The non-null items of a list in the answer; anything that is not a list has none. */
export function rowsAt(ctx: Context, path: string): unknown[] {
  const v = getPath(ctx, path);
  return Array.isArray(v) ? v.filter((r) => r !== null && r !== undefined) : [];
}

/** A column's values as its declared type: times parsed, numbers read, the rest as text. */
export function columnField(col: ColumnSpec, values: unknown[]): Field {
  switch (col.type) {
    case 'time': {
      const times = values.map((v) => {
        const t = typeof v === 'string' ? parseTimeSpan(v) : NaN;
        return Number.isNaN(t) ? null : t;
      });
      return { name: col.name, type: FieldType.time, values: times, config: {} };
    }
    case 'number':
      return numberField(col.name, values.map(readNumber), { unit: col.unit, displayName: col.displayName });
    case 'string':
      return stringField(col.name, values as Array<string | null>);
  }
}

function sortKey(v: unknown): number {
  return typeof v === 'number' ? v : -Infinity;
}

/** One table-like frame: a row per list item (or the answer itself), a field per column. */
export function tableFrames(spec: TableFrameSpec, data: unknown, f: FrameContext): BuiltFrames {
  const base: Context = { data, options: f.options, attrs: f.attrs, granularity: f.granularity };
  const rows = spec.single ? [data] : rowsAt(base, spec.rows ?? '');
  const columns = spec.columns.map((col) =>
    rows.map((row) => {
      const v = evaluate(col.value, { ...base, row }, f.lookups);
      return v === undefined ? null : v;
    })
  );
  let fields = spec.columns.map((col, i) => columnField(col, columns[i]));
  if (spec.sort) {
    const at = spec.columns.findIndex((c) => c.name === spec.sort!.column);
    const keys = fields[at].values as unknown[];
    const sign = spec.sort.order === 'desc' ? -1 : 1;
    // Stable: equal keys (and missing values, always last) keep the answer's order.
    const order = keys
      .map((_, i) => i)
      .sort((a, b) => {
        const ka = sortKey(keys[a]);
        const kb = sortKey(keys[b]);
        if (ka === kb) {
          return 0;
        }
        if (ka === -Infinity || kb === -Infinity) {
          return ka === -Infinity ? 1 : -1;
        }
        return sign * (ka - kb);
      });
    fields = fields.map((field) => ({ ...field, values: order.map((i) => (field.values as unknown[])[i]) }));
  }
  return { frames: [frameOf(fields)], notices: [] };
}

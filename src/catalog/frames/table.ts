import { FieldType, type Field } from '@grafana/data';

import { frameOf, numberField, stringField } from '../../frames/fields';
import { readNumber, unreadableIn } from '../../frames/number';
import { parseTimeSpan } from '../../time/parseTimeSpan';
import { evaluate, type Context } from '../expressions';
import type { ColumnSpec, TableFrameSpec } from '../format';
import { objectsOf, readList, skippedNotice, unreadableNotice } from '../answer';
import type { BuiltFrames, FrameContext } from './context';

/** `data.x.y` → `x.y`, `row.cells` → `<rows>[].cells`: where a list is, for messages. */
export function labelOf(path: string, rowsLabel = ''): string {
  return path.startsWith('row.') ? `${rowsLabel}[].${path.slice(4)}` : path.replace(/^data\.?/, '');
}

/**
 * A list's rows: its objects (others left out and counted in `notices`), or, for lists of plain
 * values (tenants), its non-null items.
 */
export function rowsAt(ctx: Context, path: string, objects: boolean, notices: string[], rowsLabel = ''): unknown[] {
  const list = readList(ctx, path, { row: `${rowsLabel}[]` });
  if (!objects) {
    return list.filter((r) => r !== null && r !== undefined);
  }
  const skipped = { count: 0 };
  const rows = objectsOf(list, skipped);
  notices.push(...skippedNotice(labelOf(path, rowsLabel), skipped));
  return rows;
}

/** Whether any column reads a field of its row (then rows must be objects). */
export function readsFields(columns: ReadonlyArray<{ value: unknown }>): boolean {
  return JSON.stringify(columns.map((c) => c.value)).includes('"row.');
}

/**
 * The notices of number columns whose values are there but are no numbers, in column order;
 * counted in the answer's order, before any sort.
 */
export function unreadableNotices(columns: readonly ColumnSpec[], values: ReadonlyArray<readonly unknown[]>): string[] {
  return columns.flatMap((col, i) =>
    col.type === 'number' ? unreadableNotice(col.displayName || col.name, unreadableIn(values[i])) : []
  );
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
  const notices: string[] = [];
  const rows = spec.single ? [data] : rowsAt(base, spec.rows ?? '', readsFields(spec.columns), notices);
  const columns = spec.columns.map((col) =>
    rows.map((row) => {
      const v = evaluate(col.value, { ...base, row }, f.lookups);
      return v === undefined ? null : v;
    })
  );
  notices.push(...unreadableNotices(spec.columns, columns));
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
  return { frames: [frameOf(fields)], notices };
}

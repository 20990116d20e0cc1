import { FieldType, type DataFrame, type Field } from '@grafana/data';

import type { GraphQLQueryOptions } from '../types';
import { extractRows, type Row } from './rows';
import { parseTime, type TimeFormat } from './timeParse';

export type MappingOptions = Pick<
  GraphQLQueryOptions,
  'dataPath' | 'timeField' | 'timeFormat' | 'labelFields' | 'displayName'
>;

export interface MappedResult {
  frames: DataFrame[];
  warnings: string[];
}

/** Time columns picked when none is configured: the API's bucket and alert time fields. */
const AUTO_TIME_FIELDS = ['timeSpan', 'timestamp'];

type ColumnKind = 'empty' | 'number' | 'boolean' | 'string' | 'mixed';

function kindOf(v: unknown): ColumnKind {
  switch (typeof v) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return v === null || v === undefined ? 'empty' : 'mixed';
  }
}

function merge(a: ColumnKind, b: ColumnKind): ColumnKind {
  if (b === 'empty' || a === b) {
    return a;
  }
  return a === 'empty' ? b : 'mixed';
}

const FIELD_TYPES: Record<ColumnKind, FieldType> = {
  empty: FieldType.other,
  number: FieldType.number,
  boolean: FieldType.boolean,
  string: FieldType.string,
  mixed: FieldType.string,
};

/** Renders `{{name}}` from labels; `{{__field}}` is the value field's name. */
export function renderDisplayName(template: string, labels: Record<string, string>, field: string): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) =>
    key === '__field' ? field : Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : whole
  );
}

/**
 * Maps an arbitrary GraphQL result to data frames: rows from the data path, an optional time
 * column (sorted ascending, as time series panels need), series split by label fields, and
 * one typed field per column with a value for every row.
 */
export class ResponseMapper {
  constructor(private readonly options: MappingOptions = {}) {}

  map(data: unknown, refId?: string): MappedResult {
    const { rows, warnings } = extractRows(data, this.options.dataPath);
    const timeField = this.timeField(rows);
    if (timeField) {
      warnings.push(...this.parseTimes(rows, timeField, this.options.timeFormat ?? 'iso'));
      // Stable: rows of one time keep their order. Unparsed (null) times go last.
      rows.sort(
        (a, b) => ((a[timeField] as number | null) ?? Infinity) - ((b[timeField] as number | null) ?? Infinity)
      );
    }
    const labelFields = (this.options.labelFields ?? []).filter(Boolean);
    const groups = labelFields.length ? groupBy(rows, labelFields) : [{ labels: {}, rows }];
    const frames = groups.map((g) => this.frame(g.rows, g.labels, timeField, new Set(labelFields), refId));
    return { frames, warnings };
  }

  private timeField(rows: Row[]): string | undefined {
    if (this.options.timeField) {
      return this.options.timeField;
    }
    const first = rows[0];
    if (!first) {
      return undefined;
    }
    // Exploded columns are prefixed (`usage.timeSpan`): match on the last segment too.
    return Object.keys(first).find((k) => AUTO_TIME_FIELDS.includes(k.split('.').pop() ?? ''));
  }

  private parseTimes(rows: Row[], field: string, format: TimeFormat): string[] {
    let failed = 0;
    let example: unknown;
    for (const row of rows) {
      const raw = row[field];
      if (raw === null || raw === undefined) {
        row[field] = null;
        continue;
      }
      const t = parseTime(raw, format);
      if (t === undefined) {
        failed++;
        example ??= raw;
      }
      row[field] = t ?? null;
    }
    if (rows.length && rows.every((r) => !(field in r) || r[field] === null) && !failed) {
      return [`No rows have the time field "${field}".`];
    }
    return failed
      ? [
          `${failed} value(s) of "${field}" are not ${format} times (e.g. ${JSON.stringify(example)}); they are left empty.`,
        ]
      : [];
  }

  private frame(
    rows: Row[],
    labels: Record<string, string>,
    timeField: string | undefined,
    labelFields: Set<string>,
    refId: string | undefined
  ): DataFrame {
    // One pass: each row fills every known column; a new column is back-filled with nulls.
    const columns = new Map<string, { values: unknown[]; kind: ColumnKind }>();
    if (timeField) {
      columns.set(timeField, { values: [], kind: 'number' });
    }
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        if (labelFields.has(key)) {
          continue;
        }
        let col = columns.get(key);
        if (!col) {
          col = { values: new Array(i).fill(null), kind: 'empty' };
          columns.set(key, col);
        }
        col.values.push(value ?? null);
        col.kind = merge(col.kind, kindOf(value));
      }
      for (const col of columns.values()) {
        if (col.values.length === i) {
          col.values.push(null);
        }
      }
    });
    const template = this.options.displayName?.trim();
    const fields: Field[] = [...columns.entries()].map(([name, col]) => {
      const isTime = name === timeField;
      const type = isTime ? FieldType.time : FIELD_TYPES[col.kind];
      const values = col.kind === 'mixed' ? col.values.map((v) => (v === null ? null : String(v))) : col.values;
      const field: Field = { name, type, values, config: {} };
      if (!isTime && Object.keys(labels).length) {
        field.labels = labels;
      }
      if (!isTime && template) {
        field.config.displayNameFromDS = renderDisplayName(template, labels, name);
      }
      return field;
    });
    const name = template ? renderDisplayName(template, labels, '') : Object.values(labels).join(' ') || undefined;
    return { refId, name, fields, length: rows.length };
  }
}

function groupBy(rows: Row[], labelFields: string[]): Array<{ labels: Record<string, string>; rows: Row[] }> {
  const groups = new Map<string, { labels: Record<string, string>; rows: Row[] }>();
  for (const row of rows) {
    const values = labelFields.map((f) => (row[f] === null || row[f] === undefined ? '' : String(row[f])));
    const key = JSON.stringify(values);
    let g = groups.get(key);
    if (!g) {
      g = { labels: Object.fromEntries(labelFields.map((f, i) => [f, values[i]])), rows: [] };
      groups.set(key, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()];
}

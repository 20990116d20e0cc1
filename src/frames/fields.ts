import { FieldType, type DataFrame, type Field, type FieldConfig, type Labels } from '@grafana/data';

import { safeJson } from './depth';
import { readNumber } from './number';

/** Grafana's unit ids used by this plugin. */
export const UNIT = {
  ms: 'ms',
  percent: 'percent',
  count: 'short',
} as const;

export function timeField(values: number[], name = 'Time'): Field<number> {
  return { name, type: FieldType.time, values, config: {} };
}

export interface NumberFieldOptions {
  unit?: string;
  /** Series name shown in legends and tooltips (display names, never raw ids). */
  displayName?: string;
  labels?: Labels;
  config?: FieldConfig;
}

export function numberField(name: string, values: Array<number | null>, opts: NumberFieldOptions = {}): Field {
  const config: FieldConfig = { ...opts.config };
  if (opts.unit) {
    config.unit = opts.unit;
  }
  if (opts.displayName) {
    config.displayNameFromDS = opts.displayName;
  }
  return { name, type: FieldType.number, values: asNumbers(values), config, labels: opts.labels };
}

export function stringField(name: string, values: Array<string | null>, config: FieldConfig = {}): Field {
  return { name, type: FieldType.string, values: asStrings(values), config };
}

// Values come off the network typed only by our hopes: a field must still hold its declared
// type, or Grafana's reducers and formatters misbehave. Lists are copied only when one is off.
// Plain loops: these run once per value of every field.
function asNumbers(values: readonly unknown[]): Array<number | null> {
  const n = values.length;
  let i = 0;
  while (i < n && isNumberOrNull(values[i])) {
    i++;
  }
  if (i === n) {
    return values as Array<number | null>;
  }
  const out = new Array<number | null>(n);
  for (let j = 0; j < n; j++) {
    const v = values[j];
    out[j] = v === null ? null : readNumber(v);
  }
  return out;
}

function isNumberOrNull(v: unknown): boolean {
  return v === null || (typeof v === 'number' && v === v);
}

function asStrings(values: readonly unknown[]): Array<string | null> {
  const n = values.length;
  let i = 0;
  while (i < n && (values[i] === null || typeof values[i] === 'string')) {
    i++;
  }
  if (i === n) {
    return values as Array<string | null>;
  }
  const out = new Array<string | null>(n);
  for (let j = 0; j < n; j++) {
    const v = values[j];
    out[j] =
      v === null || typeof v === 'string'
        ? v
        : v === undefined
          ? null
          : typeof v === 'object'
            ? safeJson(v)
            : String(v);
  }
  return out;
}

/** A frame from columns built beforehand (one array per field, no per-row objects). */
export function frameOf(fields: Field[], name?: string): DataFrame {
  return { name, fields, length: fields.length ? fields[0].values.length : 0 };
}

/** Draws the field on a second (right-hand) y axis, e.g. latency next to request counts. */
export function rightAxis(): FieldConfig {
  return { custom: { axisPlacement: 'right' } };
}

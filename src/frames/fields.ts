import { FieldType, type DataFrame, type Field, type FieldConfig, type Labels } from '@grafana/data';

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
function asNumbers(values: readonly unknown[]): Array<number | null> {
  const ok = (v: unknown) => v === null || (typeof v === 'number' && !Number.isNaN(v));
  return values.every(ok) ? (values as Array<number | null>) : values.map((v) => (ok(v) ? (v as number | null) : null));
}

function asStrings(values: readonly unknown[]): Array<string | null> {
  const ok = (v: unknown) => v === null || typeof v === 'string';
  if (values.every(ok)) {
    return values as Array<string | null>;
  }
  return values.map((v) =>
    ok(v) ? (v as string | null) : v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)
  );
}

/** A frame from columns built beforehand (one array per field, no per-row objects). */
export function frameOf(fields: Field[], name?: string): DataFrame {
  return { name, fields, length: fields.length ? fields[0].values.length : 0 };
}

/** Draws the field on a second (right-hand) y axis, e.g. latency next to request counts. */
export function rightAxis(): FieldConfig {
  return { custom: { axisPlacement: 'right' } };
}

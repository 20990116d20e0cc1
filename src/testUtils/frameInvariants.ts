import { FieldType, type DataFrame } from '@grafana/data';

/**
 * What Grafana needs of any frame a data source returns: every field as long as the frame,
 * every value of the field's declared type (or null). Returns the first violation, if any.
 */
export function frameProblem(frame: DataFrame): string | undefined {
  for (const field of frame.fields) {
    const values = [...field.values];
    if (values.length !== frame.length) {
      return `field "${field.name}" has ${values.length} values, the frame ${frame.length} rows`;
    }
    const bad = values.find((v) => v !== null && v !== undefined && !fits(field.type, v));
    if (bad !== undefined) {
      return `field "${field.name}" (${field.type}) holds ${JSON.stringify(bad)}`;
    }
  }
  return undefined;
}

function fits(type: FieldType, v: unknown): boolean {
  switch (type) {
    case FieldType.time:
      return typeof v === 'number' && Number.isFinite(v);
    case FieldType.number:
      return typeof v === 'number' && !Number.isNaN(v);
    case FieldType.string:
      return typeof v === 'string';
    case FieldType.boolean:
      return typeof v === 'boolean';
    default:
      return true;
  }
}

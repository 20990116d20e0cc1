import { message } from '../catalog/messages';
import { InsightsError } from '../client/errors';
import { MAX_DEPTH, nestsDeeperThan } from '../frames/depth';

/** One flat result row: column name -> JSON scalar (or null). */
export type Row = Record<string, unknown>;

interface Located {
  value: unknown;
  /** Scalar fields of the objects passed on the way down, carried into each row. */
  context: Row;
}

export interface RowsResult {
  rows: Row[];
  warnings: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function scalarsOf(obj: Record<string, unknown>, except: string): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== except && isScalar(v)) {
      out[k] = v;
    }
  }
  return out;
}

/**
 * Follows a dot path through a GraphQL result. Arrays met in the middle are flattened: the
 * path continues in each element, and each element's scalar fields are carried into the rows
 * below it, so `getAPIUsageOverTime.usage` keeps every bucket's `apiId`. A numeric segment
 * indexes an array. With no path, objects with a single field are descended automatically
 * (`{data: {getX: [...]}}` needs no path).
 */
export function locate(data: unknown, path: string | undefined): Located[] {
  const segments = (path ?? '')
    .split('.')
    .map((s) => s.trim())
    .filter(Boolean);
  let items: Located[] = [{ value: data, context: {} }];
  if (!segments.length) {
    let value = data;
    while (isObject(value) && Object.keys(value).length === 1) {
      value = Object.values(value)[0];
    }
    return [{ value, context: {} }];
  }
  for (const seg of segments) {
    const next: Located[] = [];
    for (const { value, context } of items) {
      if (Array.isArray(value) && /^\d+$/.test(seg)) {
        next.push({ value: value[Number(seg)], context });
        continue;
      }
      for (const node of Array.isArray(value) ? value : [value]) {
        if (isObject(node) && Object.prototype.hasOwnProperty.call(node, seg)) {
          next.push({ value: node[seg], context: { ...context, ...scalarsOf(node, seg) } });
        }
      }
    }
    items = next;
  }
  return items;
}

/**
 * Flattens one object into rows: nested objects become `a.b` columns, a single array of
 * objects is exploded into one row per element (`items.name`), arrays of scalars become JSON
 * text. Several arrays of objects side by side would multiply rows meaninglessly, so they
 * stay JSON text and a warning says to pick one with the data path.
 */
function flatten(obj: Record<string, unknown>, prefix: string, warnings: Set<string>): Row[] {
  const base: Row = {};
  // Each candidate: the rows it would explode into, and its JSON in case it cannot.
  const explodable: Array<{ key: string; rows: Row[]; original: unknown }> = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (isObject(v)) {
      const nested = flatten(v, `${key}.`, warnings);
      if (nested.length === 1) {
        Object.assign(base, nested[0]);
      } else {
        explodable.push({ key, rows: nested, original: v });
      }
    } else if (Array.isArray(v) && v.some(isObject)) {
      const rows = v.flatMap((item) =>
        isObject(item) ? flatten(item, `${key}.`, warnings) : [{ [key]: isScalar(item) ? item : JSON.stringify(item) }]
      );
      explodable.push({ key, rows, original: v });
    } else if (Array.isArray(v)) {
      base[key] = JSON.stringify(v);
    } else {
      base[key] = v;
    }
  }
  if (explodable.length === 1) {
    return explodable[0].rows.map((r) => ({ ...base, ...r }));
  }
  for (const { key, original } of explodable) {
    warnings.add(
      `"${key}" is one of several lists side by side: they are kept as JSON text. Point the data path at one of them to get rows.`
    );
    base[key] = JSON.stringify(original);
  }
  return [base];
}

function toRows(value: unknown, context: Row, warnings: Set<string>): Row[] {
  if (value === null || value === undefined) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v) => (Array.isArray(v) ? [rowFromArray(v, context)] : toRows(v, context, warnings)));
  }
  if (isObject(value)) {
    return flatten(value, '', warnings).map((r) => ({ ...context, ...r }));
  }
  return [{ ...context, value }];
}

/** `[[String]]` results (e.g. getGroupByValues): one column per position. */
function rowFromArray(values: unknown[], context: Row): Row {
  const row: Row = { ...context };
  values.forEach((v, i) => (row[String(i)] = isScalar(v) ? v : JSON.stringify(v)));
  return row;
}

/** Rows one raw GraphQL target may make; more are cut with a warning. */
export const MAX_ROWS = 100_000;

/**
 * The rows at `path`. Answers nested deeper than MAX_DEPTH are refused before flattening (which
 * recurses), so a crafted answer gives a message rather than a stack overflow.
 */
export function extractRows(data: unknown, path: string | undefined): RowsResult {
  const warnings = new Set<string>();
  const located = locate(data, path);
  if (located.some(({ value }) => nestsDeeperThan(value))) {
    throw new InsightsError('badResponse', message('answerTooDeep', { path: path || 'data', max: MAX_DEPTH }));
  }
  let rows = located.flatMap(({ value, context }) => toRows(value, context, warnings));
  if (rows.length > MAX_ROWS) {
    rows = rows.slice(0, MAX_ROWS);
    warnings.add(message('answerTooManyRows', { max: MAX_ROWS }));
  }
  return { rows, warnings: [...warnings] };
}

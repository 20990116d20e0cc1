import { InsightsError } from '../client/errors';
import type { Unreadable } from '../frames/number';
import { message } from './messages';
import { own } from './paths';

/** How an answer's value is named in messages: "a string", "an object"... */
export function kindOf(v: unknown): string {
  if (Array.isArray(v)) {
    return 'a list';
  }
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return v === null ? 'null' : 'an object';
    default:
      return 'nothing';
  }
}

/** The answer does not have the shape its document asks for: the panel says where. */
export function shapeError(path: string, got: unknown, expected: 'a list' | 'an object'): InsightsError {
  return new InsightsError('badResponse', message('answerShape', { path, got: kindOf(got), expected }));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Where a path's root comes from, for messages: `data` is the answer itself, `item` an item of a
 * list of it (`getAPIUsageOverTime[]`), and so on.
 */
export type PathLabels = Readonly<Record<string, string>>;

function label(labels: PathLabels, segments: string[], upTo: number): string {
  const all: PathLabels = { data: '', ...labels };
  const root = Object.prototype.hasOwnProperty.call(all, segments[0]) ? all[segments[0]] : segments[0];
  const rest = segments.slice(1, upTo + 1).join('.');
  return [root, rest].filter(Boolean).join('.') || 'data';
}

/**
 * Reads a list the document asks for, the one defensive way every frame, page and lookup reads
 * answers: absent or null is an empty list (the API's "no data"); a list is returned as it is;
 * anything else — or an object expected on the way that is not one — is an error naming where.
 */
export function readList(ctx: Readonly<Record<string, unknown>>, path: string, labels: PathLabels = {}): unknown[] {
  const segments = path.split('.');
  let v: unknown = ctx;
  for (let i = 0; i < segments.length; i++) {
    if (v === undefined || v === null) {
      return [];
    }
    if (i > 0 && !isObject(v)) {
      throw shapeError(label(labels, segments, i - 1), v, 'an object');
    }
    v = own(v, segments[i]);
  }
  if (v === undefined || v === null) {
    return [];
  }
  if (!Array.isArray(v)) {
    throw shapeError(label(labels, segments, segments.length - 1), v, 'a list');
  }
  return v;
}

/** A list's items that are objects; `skipped` counts the others (null holes are not counted). */
export function objectsOf(list: readonly unknown[], skipped: { count: number }): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const item of list) {
    if (isObject(item)) {
      out.push(item);
    } else if (item !== null && item !== undefined) {
      skipped.count++;
    }
  }
  return out;
}

/** The notice for items left out, or none. */
export function skippedNotice(path: string, skipped: { count: number }): string[] {
  return skipped.count > 0 ? [message('answerItemsSkipped', { n: skipped.count, path })] : [];
}

/**
 * The notice for values of a number field that are there but are no numbers, or none: an
 * empty cell alone would read as "No data" although the API answered something else.
 */
export function unreadableNotice(field: string, bad: Unreadable): string[] {
  if (bad.n === 0) {
    return [];
  }
  // JSON numbers beyond a double's range parse as Infinity: "a number" alone would puzzle.
  const got = typeof bad.first === 'number' ? 'a number too large to read' : kindOf(bad.first);
  return [message('answerValuesUnreadable', { n: bad.n, field, got })];
}

/**
 * `objectsOf` for a list that is only read, never kept or changed: the list itself when every
 * item is an object (the usual answer), so a series' thousand buckets are not copied.
 */
export function objectsIn(
  list: readonly unknown[],
  skipped: { count: number }
): ReadonlyArray<Record<string, unknown>> {
  for (let i = 0; i < list.length; i++) {
    if (!isObject(list[i])) {
      return objectsOf(list, skipped);
    }
  }
  return list as ReadonlyArray<Record<string, unknown>>;
}

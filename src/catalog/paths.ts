/**
 * Dot paths into JSON answers and contexts (`data.getLatency.summary`, `options.errorCategories.0`).
 * Only own properties are read, so a name such as `constructor` or `__proto__` in a path or an
 * answer finds nothing instead of a built-in. `*` is the first list item for which the rest of
 * the path is present.
 */
export function getPath(root: unknown, path: string): unknown {
  return pathReader(path)(root);
}

/**
 * A compiled path: reads it from a root. `ownKey` is set when the path is one property name
 * (no digits, no `*`), for loops that read it in place (see toPointSeries).
 */
export type PathReader = ((root: unknown) => unknown) & { readonly ownKey?: string };

/**
 * The reader of a path, split and checked once: frames read the same few catalog paths from
 * every bucket of every series, where splitting the path and testing each segment for digits
 * on every read cost more than the read. Paths come from the catalog, so the cache stays small;
 * the bound only keeps a caller passing made-up paths from growing it for ever.
 */
export function pathReader(path: string): PathReader {
  let reader = readers.get(path);
  if (reader === undefined) {
    if (readers.size >= MAX_READERS) {
      readers.clear();
    }
    reader = compile(path === '' ? [] : path.split('.'));
    readers.set(path, reader);
  }
  return reader;
}

const MAX_READERS = 1024;
const readers = new Map<string, PathReader>();

const hasOwn = Object.prototype.hasOwnProperty;
const DIGITS = /^\d+$/;

/** One segment: a property name, or a digit index (the only thing a list answers to). */
interface Segment {
  key: string;
  /** Number(key) when the key is digits, else -1: lists read only those. */
  index: number;
}

function segmentOf(key: string): Segment {
  return { key, index: DIGITS.test(key) ? Number(key) : -1 };
}

function compile(segments: string[]): PathReader {
  if (segments.includes('*')) {
    return (root) => walk(root, segments, 0);
  }
  const parts = segments.map(segmentOf);
  switch (parts.length) {
    case 0:
      return (root) => root;
    case 1: {
      const a = parts[0];
      const read = (root: unknown) => ownOf(root, a);
      return a.index < 0 ? Object.assign(read, { ownKey: a.key }) : read;
    }
    case 2: {
      const [a, b] = parts;
      return (root) => {
        const v = ownOf(root, a);
        return v === undefined ? undefined : ownOf(v, b);
      };
    }
    default:
      return (root) => {
        let v = root;
        for (let i = 0; i < parts.length; i++) {
          v = ownOf(v, parts[i]);
          if (v === undefined) {
            return undefined;
          }
        }
        return v;
      };
  }
}

/** `own` with the segment's digit test done beforehand. */
function ownOf(v: unknown, s: Segment): unknown {
  if (v === null || typeof v !== 'object') {
    return undefined;
  }
  if (Array.isArray(v)) {
    return s.index >= 0 ? v[s.index] : undefined;
  }
  return hasOwn.call(v, s.key) ? (v as Record<string, unknown>)[s.key] : undefined;
}

function walk(value: unknown, segments: string[], at: number): unknown {
  let v = value;
  for (let i = at; i < segments.length; i++) {
    const s = segments[i];
    if (s === '*') {
      if (!Array.isArray(v)) {
        return undefined;
      }
      for (const item of v) {
        const found = walk(item, segments, i + 1);
        if (isPresent(found)) {
          return found;
        }
      }
      return undefined;
    }
    v = own(v, s);
    if (v === undefined) {
      return undefined;
    }
  }
  return v;
}

/** An own property of an object, or an index of a list; undefined for anything else. */
export function own(v: unknown, key: string): unknown {
  if (Array.isArray(v)) {
    return DIGITS.test(key) ? v[Number(key)] : undefined;
  }
  if (v !== null && typeof v === 'object' && hasOwn.call(v, key)) {
    return (v as Record<string, unknown>)[key];
  }
  return undefined;
}

/** Set to something: not undefined, null, an empty string or an empty list. */
export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/**
 * Dot paths into JSON answers and contexts (`data.getLatency.summary`, `options.errorCategories.0`).
 * Only own properties are read, so a name such as `constructor` or `__proto__` in a path or an
 * answer finds nothing instead of a built-in. `*` is the first list item for which the rest of
 * the path is present.
 */
export function getPath(root: unknown, path: string): unknown {
  return walk(root, path === '' ? [] : path.split('.'), 0);
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
    return /^\d+$/.test(key) ? v[Number(key)] : undefined;
  }
  if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)) {
    return (v as Record<string, unknown>)[key];
  }
  return undefined;
}

/** Set to something: not undefined, null, an empty string or an empty list. */
export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

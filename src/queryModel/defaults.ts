import { common, entryFor } from '../catalog/catalog';
import { QUERY_MODEL_VERSION, type ChoreoQuery, type QueryType } from '../types';

/** Sets `value` at a dot path of `target`, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (!rest.length) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Record<string, unknown> =
    next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  setPath(child, rest.join('.'), value);
  target[head] = child;
}

/**
 * A new query of `type` that shows data with nothing typed: environment empty (the data source's
 * default environment, else the organization's first), all APIs, auto granularity where the type
 * has one, and each option's initial value from the catalog.
 */
export function defaultQueryFor(type: string = common.defaultType): Omit<ChoreoQuery, 'refId'> {
  const entry = entryFor(type);
  const q: Record<string, unknown> = { queryType: type as QueryType, modelVersion: QUERY_MODEL_VERSION };
  if (entry?.granularity) {
    q.granularity = 'auto';
  }
  for (const o of entry?.options ?? []) {
    if (o.initial !== undefined && o.initial !== null) {
      setPath(q, o.path ?? o.name, Array.isArray(o.initial) ? [...o.initial] : o.initial);
    }
  }
  // Built from the catalog's own option paths, which are the saved model's fields.
  return q as Omit<ChoreoQuery, 'refId'>;
}

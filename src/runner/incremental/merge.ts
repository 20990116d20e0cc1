import { readList } from '../../catalog/answer';
import { evaluate } from '../../catalog/expressions';
import type { TimeSeriesFrameSpec } from '../../catalog/format';
import { getPath } from '../../catalog/paths';
import { parseTimeSpan } from '../../time/parseTimeSpan';
import type { Span } from './plan';

/** One answer and the bucket starts it contributes. */
export interface Part {
  data: unknown;
  span: Span;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A copy of `root` with `value` at the dot path (objects on the way copied). */
function setAt(root: unknown, segments: string[], value: unknown): unknown {
  const obj: Obj = isObject(root) ? { ...root } : {};
  const [head, ...rest] = segments;
  obj[head] = rest.length ? setAt(obj[head], rest, value) : value;
  return obj;
}

function bucketsIn(list: unknown[], timePath: string, span: Span): unknown[] {
  return list.filter((b) => {
    const t = isObject(b) ? parseTimeSpan(getPath(b, timePath) as string) : NaN;
    return t >= span.fromMs && t < span.toMs;
  });
}

/**
 * The answer a full fetch of the new range would give, from the parts that cover it (the
 * fetched first bucket, the cached middle, the fetched newest buckets, in time order): each
 * series' bucket list is the parts' buckets in their spans; `each` items are matched across parts
 * by the spec's key, and an item with no bucket left is dropped, as the API omits it. Everything
 * else comes from the newest part.
 */
export function mergeParts(spec: TimeSeriesFrameSpec, parts: Part[]): unknown {
  const newest = parts[parts.length - 1].data;
  let out: unknown = newest;
  const done = new Set<string>();
  for (const s of spec.series) {
    if (!s.each) {
      if (done.has(s.buckets)) {
        continue;
      }
      done.add(s.buckets);
      const merged = parts.flatMap((p) => bucketsIn(readList({ data: p.data }, s.buckets), s.time, p.span));
      out = setAt(out, s.buckets.split('.').slice(1), merged);
      continue;
    }
    if (done.has(s.each)) {
      continue;
    }
    done.add(s.each);
    const inner = s.buckets.split('.').slice(1);
    const keyOf = (item: unknown) => JSON.stringify(evaluate(spec.incremental?.key ?? null, { item }) ?? null);
    const items = new Map<string, { item: Obj; buckets: unknown[] }>();
    // Newest first, so an item's other fields (its granularity) come from the newest answer.
    for (const p of [...parts].reverse()) {
      for (const item of readList({ data: p.data }, s.each)) {
        if (!isObject(item)) {
          continue;
        }
        const key = keyOf(item);
        const slot = items.get(key) ?? { item, buckets: [] };
        slot.buckets.unshift(...bucketsIn(readList({ item }, s.buckets), s.time, p.span));
        items.set(key, slot);
      }
    }
    const list = [...items.values()].filter((x) => x.buckets.length > 0).map((x) => setAt(x.item, inner, x.buckets));
    out = setAt(out, s.each.split('.').slice(1), list);
  }
  return out;
}

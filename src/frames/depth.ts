/** How deep answers may nest before the plugin stops reading them (JSON.stringify overflows near 10,000). */
export const MAX_DEPTH = 64;

/**
 * Whether `value` nests more than `max` lists or objects deep, found without recursion (an
 * answer crafted 50,000 levels deep must not exhaust the call stack) and without visiting more
 * than `budget` nodes.
 */
export function nestsDeeperThan(value: unknown, max = MAX_DEPTH, budget = 1_000_000): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let visited = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      continue;
    }
    if (depth >= max) {
      return true;
    }
    if (++visited > budget) {
      return false;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

/** JSON text of a value shown in a string field, or a marker when it nests too deep to print. */
export function safeJson(v: unknown): string {
  return nestsDeeperThan(v) ? `[nested more than ${MAX_DEPTH} levels deep]` : JSON.stringify(v);
}

/** A value as text, whatever came off the network: lists and objects as (bounded) JSON. */
export function textOf(v: unknown, fallback = ''): string {
  if (typeof v === 'string') {
    return v;
  }
  if (v === null || v === undefined) {
    return fallback;
  }
  return typeof v === 'object' ? safeJson(v) : String(v);
}

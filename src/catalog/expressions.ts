import { textOf } from '../frames/depth';
import { readNumber } from '../frames/number';
import type { Expr } from './format';
import { getPath, isPresent } from './paths';

/** Id → name lookups the `$apiName` / `$apiId` operators read (see metadata/apiDisplayName.ts). */
export interface NameLookups {
  /** `$apiName`: the display name. */
  name(apiId: unknown): string;
  /** `$apiId`: the API's id. */
  id(apiId: unknown): string | null;
}

export type Context = Readonly<Record<string, unknown>>;

const NO_LOOKUPS: NameLookups = {
  name: () => {
    throw new Error('catalog: $apiName needs the apiNames lookup (declare it in "lookups")');
  },
  id: () => {
    throw new Error('catalog: $apiId needs the apiNames lookup (declare it in "lookups")');
  },
};

function list(e: Expr | undefined): Expr[] {
  return Array.isArray(e) ? e : [];
}

function isOp(o: { [key: string]: Expr }, op: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, op);
}

/**
 * Evaluates a catalog expression (catalog/README.md, "Expressions"). `undefined` means "absent":
 * object keys and list items that evaluate to it are left out, which is how optional GraphQL
 * variables stay unsent.
 */
export function evaluate(expr: Expr, ctx: Context, lookups: NameLookups = NO_LOOKUPS): unknown {
  if (expr === null || typeof expr !== 'object') {
    return expr;
  }
  if (Array.isArray(expr)) {
    return expr.map((e) => evaluate(e, ctx, lookups)).filter((v) => v !== undefined);
  }
  const o = expr;
  if (isOp(o, '$')) {
    const v = getPath(ctx, String(o.$));
    return v === undefined && isOp(o, 'default') ? evaluate(o.default, ctx, lookups) : v;
  }
  if (isOp(o, '$if')) {
    if (!isPresent(getPath(ctx, String(o.$if)))) {
      return undefined;
    }
    return object(o, ctx, lookups, '$if');
  }
  if (isOp(o, '$coalesce')) {
    for (const e of list(o.$coalesce)) {
      const v = evaluate(e, ctx, lookups);
      if (isPresent(v)) {
        return v;
      }
    }
    return undefined;
  }
  if (isOp(o, '$concat')) {
    let out = '';
    for (const e of list(o.$concat)) {
      const v = evaluate(e, ctx, lookups);
      if (!isPresent(v) || typeof v === 'object') {
        return undefined;
      }
      out += textOf(v);
    }
    return out;
  }
  if (isOp(o, '$join')) {
    const v = evaluate(o.$join, ctx, lookups);
    const parts = (Array.isArray(v) ? v : []).filter((x) => isPresent(x) && typeof x !== 'object').map(String);
    return parts.length ? parts.join(typeof o.sep === 'string' ? o.sep : ',') : undefined;
  }
  if (isOp(o, '$apiName')) {
    return lookups.name(evaluate(o.$apiName, ctx, lookups));
  }
  if (isOp(o, '$apiId')) {
    return lookups.id(evaluate(o.$apiId, ctx, lookups));
  }
  if (isOp(o, '$percent')) {
    const parts = list(o.$percent)
      .slice(0, 2)
      .map((e) => evaluate(e, ctx, lookups));
    // An operand that is there but is no number is passed on as it is, so the number column
    // that reads the result can say what the API answered instead of showing a silent gap.
    const bad = parts.find((v) => v !== null && v !== undefined && readNumber(v) === null);
    if (bad !== undefined) {
      return bad;
    }
    const [n, d] = parts.map(readNumber);
    return percent(n ?? null, d ?? null);
  }
  if (isOp(o, '$selected')) {
    const [path, value] = list(o.$selected);
    const chosen = getPath(ctx, String(path));
    return !Array.isArray(chosen) || chosen.length === 0 || chosen.includes(value);
  }
  return object(o, ctx, lookups);
}

function object(o: { [key: string]: Expr }, ctx: Context, lookups: NameLookups, skip?: string) {
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(o)) {
    if (k === skip || k === '$comment') {
      continue;
    }
    const v = evaluate(e, ctx, lookups);
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

/** n / d × 100; nothing to divide by means nothing happened, which the console shows as 0 %. */
export function percent(n: number | null, d: number | null): number | null {
  if (n === null || d === null) {
    return null;
  }
  return d > 0 ? (n / d) * 100 : 0;
}

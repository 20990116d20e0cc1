import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { GraphQLQueryOptions } from '../types';
import {
  hasVariable,
  interpolateString,
  UndefinedVariableError,
  variableValue,
  type InterpolationContext,
} from './interpolate';

// $name: in the operation's variable definitions (`query X($api: [String], ...)`).
const DECLARED = /\$(\w+)\s*:/g;
const MACRO = /^__/;

function resolve(value: unknown, ctx: InterpolationContext, depth = 0): unknown {
  if (depth > 32) {
    return value;
  }
  if (typeof value === 'string') {
    // Macros ($__from, $__granularity...) stay: Explore resolves them when the query runs.
    if (/\$\{?__|\[\[__/.test(value)) {
      return value;
    }
    try {
      return interpolateString(value, ctx);
    } catch (e) {
      if (e instanceof UndefinedVariableError) {
        return value;
      }
      throw e;
    }
  }
  if (Array.isArray(value)) {
    return value.map((v) => resolve(v, ctx, depth + 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ctx, depth + 1)]));
  }
  return value;
}

/**
 * A raw GraphQL query with its dashboard variables written in, for Explore (which has none):
 * references in the variables JSON take their values (a multi-value selection as a list), and a
 * GraphQL variable the operation declares that a dashboard variable of the same name would fill
 * gets that value in the JSON. The document itself is left alone: its `$names` are GraphQL's.
 */
export function exploreGraphQL(
  options: GraphQLQueryOptions,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars = {}
): GraphQLQueryOptions {
  const ctx: InterpolationContext = { templateSrv, scopedVars, macros: {} };
  let json: Record<string, unknown> = {};
  if (options.variables?.trim()) {
    try {
      const parsed: unknown = JSON.parse(options.variables);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return options;
      }
      json = parsed as Record<string, unknown>;
    } catch {
      // Invalid JSON is reported when the query runs; nothing to write in.
      return options;
    }
  }
  const out = resolve(json, ctx) as Record<string, unknown>;
  for (const m of (options.query ?? '').matchAll(DECLARED)) {
    const name = m[1];
    if (!MACRO.test(name) && !Object.prototype.hasOwnProperty.call(out, name) && hasVariable(name, ctx)) {
      out[name] = variableValue(name, ctx);
    }
  }
  return { ...options, variables: JSON.stringify(out, null, 2) };
}

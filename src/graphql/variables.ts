import {
  coerceInputValue,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  print,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import type { ResolvedSettings } from '../settings/resolveSettings';
import {
  hasVariable,
  interpolateString,
  UndefinedVariableError,
  variableValue,
  type InterpolationContext,
  type VariableValue,
} from './interpolate';

/*
 * How GraphQL variables are built (see README.md in this folder):
 *
 * 1. Only variables the operation declares are sent; other keys of the variables JSON are
 *    dropped and reported.
 * 2. A value given in the variables JSON always wins. Strings in it may reference macros and
 *    dashboard variables; they are coerced to the declared type.
 * 3. A declared variable absent from the JSON takes the dashboard variable of the same name,
 *    if there is one. A dashboard variable never overrides a value given in the JSON.
 * 4. A declared `DataFilter` / `TimeFilter` absent from both is filled from the data source
 *    settings and the query's scope / the dashboard time range.
 * 5. A required variable still without a value, or a reference to a variable nobody defines,
 *    stops the query with an error that names it: nothing is sent.
 */

export interface VariableScope {
  environmentId?: string;
  projectId?: string;
}

export interface VariableBuildContext extends InterpolationContext {
  schema: GraphQLSchema;
  settings: Pick<ResolvedSettings, 'orgUuid' | 'tenant' | 'defaultEnvironmentId'>;
  /** The query's own scope (already interpolated); overrides the data source defaults. */
  scope?: VariableScope;
}

export interface BuiltVariables {
  variables: Record<string, unknown>;
  errors: string[];
  /** Keys of the variables JSON the operation does not declare. */
  dropped: string[];
}

class CoercionError extends Error {}

/** Parses the variables editor's text; empty means none. */
export function parseVariablesJson(text: string | undefined): { value: Record<string, unknown> } | { error: string } {
  if (!text?.trim()) {
    return { value: {} };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `The variables are not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'The variables must be a JSON object, e.g. {"limit": 10}.' };
  }
  return { value: value as Record<string, unknown> };
}

export function buildVariables(
  operation: OperationDefinitionNode,
  json: Record<string, unknown>,
  ctx: VariableBuildContext
): BuiltVariables {
  const variables: Record<string, unknown> = {};
  const errors: string[] = [];
  const declared = new Set<string>();

  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    declared.add(name);
    const type = typeFromAST(ctx.schema, def.type) as GraphQLInputType | undefined;
    const typeText = print(def.type);
    try {
      if (Object.prototype.hasOwnProperty.call(json, name)) {
        variables[name] = coerceJson(json[name], type, ctx, `$${name}`);
      } else if (hasVariable(name, ctx)) {
        variables[name] = coerceVariable(variableValue(name, ctx), type, `$${name}`, name);
      } else if (namedTypeName(type) === 'DataFilter') {
        variables[name] = dataFilterFromSettings(ctx);
      } else if (namedTypeName(type) === 'TimeFilter') {
        variables[name] = { from: ctx.macros.__from, to: ctx.macros.__to };
      } else if (def.type.kind === 'NonNullType' && !def.defaultValue) {
        errors.push(
          `$${name} (${typeText}) has no value: give it in the variables JSON or add a dashboard variable named "${name}".`
        );
      }
    } catch (e) {
      if (e instanceof UndefinedVariableError) {
        errors.push(`$${name}: ${e.message}`);
      } else if (e instanceof CoercionError) {
        errors.push(e.message);
      } else {
        throw e;
      }
    }
  }
  const dropped = Object.keys(json).filter((k) => !declared.has(k));
  return { variables, errors, dropped };
}

function namedTypeName(type: GraphQLInputType | undefined): string | undefined {
  let t = type;
  while (t && isNonNullType(t)) {
    t = t.ofType;
  }
  return t && !isListType(t) ? t.name : undefined;
}

function dataFilterFromSettings(ctx: VariableBuildContext): Record<string, string> {
  if (!ctx.settings.orgUuid) {
    throw new CoercionError(
      'The data source has no organization UUID to fill $dataFilter with: set it in the data source settings or give dataFilter in the variables JSON.'
    );
  }
  const filter: Record<string, string> = { orgId: ctx.settings.orgUuid, tenant: ctx.settings.tenant };
  const environmentId = ctx.scope?.environmentId || ctx.settings.defaultEnvironmentId;
  if (environmentId) {
    filter.environmentId = environmentId;
  }
  if (ctx.scope?.projectId) {
    filter.projectId = ctx.scope.projectId;
  }
  return filter;
}

/** Walks a JSON value along its declared input type, interpolating and coercing strings. */
function coerceJson(
  value: unknown,
  type: GraphQLInputType | undefined,
  ctx: VariableBuildContext,
  at: string
): unknown {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (typeof value === 'string') {
    return coerceVariable(interpolateString(value, ctx), inner, at, value);
  }
  if (Array.isArray(value)) {
    const itemType = inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : undefined;
    return value.flatMap((item, i) => {
      // A multi-value variable inside a list contributes all of its values to that list.
      if (typeof item === 'string' && itemType && !isListType(unwrapNonNull(itemType))) {
        const v = interpolateString(item, ctx);
        return Array.isArray(v)
          ? v.map((s) => coerceString(s, itemType, `${at}[${i}]`))
          : [coerceString(v, itemType, `${at}[${i}]`)];
      }
      return [coerceJson(item, itemType, ctx, `${at}[${i}]`)];
    });
  }
  if (value && typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = coerceJson(v, fields?.[k]?.type, ctx, `${at}.${k}`);
    }
    return out;
  }
  return value;
}

function unwrapNonNull(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** Coerces a variable's value(s) to a declared type: lists stay lists, numbers become numbers. */
function coerceVariable(value: VariableValue, type: GraphQLInputType | undefined, at: string, source: string): unknown {
  if (!type) {
    return value;
  }
  const inner = unwrapNonNull(type);
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((s, i) => coerceString(s, inner.ofType as GraphQLInputType, `${at}[${i}]`));
  }
  if (Array.isArray(value)) {
    throw new CoercionError(
      `${at} is ${String(type)} but "${source}" has ${value.length} values selected: declare it as a list ([${String(inner)}]) or use a single-value variable.`
    );
  }
  return coerceString(value, type, at);
}

function coerceString(value: string, type: GraphQLInputType, at: string): unknown {
  const inner = unwrapNonNull(type);
  if (isListType(inner) || isInputObjectType(inner)) {
    // Compare by name: introspected and bundled schemas hold different type objects.
    // Lists of lists and input objects come from a variable holding JSON text.
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new CoercionError(`${at} is ${String(type)}: "${value}" is not JSON.`);
    }
    // Valid JSON of the wrong shape ("0" for a DataFilter) would only fail at the API, with a
    // message about a variable the user never wrote as JSON.
    coerceInputValue(parsed, inner, (_path, _invalid, error) => {
      throw new CoercionError(`${at} is ${String(type)}: ${error.message}`);
    });
    return parsed;
  }
  if (isScalarType(inner) && inner.name === 'Int') {
    if (!/^-?\d+$/.test(value.trim())) {
      throw new CoercionError(`${at} is ${String(type)}: "${value}" is not an integer.`);
    }
    return Number(value);
  }
  if (isScalarType(inner) && inner.name === 'Float') {
    const n = Number(value);
    if (!value.trim() || !Number.isFinite(n)) {
      throw new CoercionError(`${at} is ${String(type)}: "${value}" is not a number.`);
    }
    return n;
  }
  if (isScalarType(inner) && inner.name === 'Boolean') {
    if (value !== 'true' && value !== 'false') {
      throw new CoercionError(`${at} is ${String(type)}: "${value}" is not true or false.`);
    }
    return value === 'true';
  }
  if (isEnumType(inner) && !inner.getValue(value)) {
    const names = inner.getValues().map((v) => v.name);
    throw new CoercionError(`${at} is ${String(type)}: "${value}" is not one of ${names.join(', ')}.`);
  }
  // String, ID, enum names and custom scalars take the text as it is.
  return value;
}

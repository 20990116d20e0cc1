import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** Macro values for one request; names without the `$`. */
export type Macros = Record<string, string>;

export interface InterpolationContext {
  templateSrv: Pick<TemplateSrv, 'replace' | 'containsTemplate'>;
  scopedVars: ScopedVars;
  macros: Macros;
}

/** A value as a variable yields it: one string, or several for a multi-value / All selection. */
export type VariableValue = string | string[];

export class UndefinedVariableError extends Error {
  constructor(readonly variable: string) {
    super(`$${variable} is not a dashboard variable or a macro of this data source.`);
    this.name = 'UndefinedVariableError';
  }
}

// Grafana's three reference syntaxes: $name, [[name:format]], ${name.field:format}.
const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

interface Reference {
  text: string;
  index?: number;
  name: string;
  /** An explicit `:format` asks Grafana for one formatted string. */
  format?: string;
  fieldPath?: string;
}

function references(text: string): Reference[] {
  const found: Reference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    found.push({ text: m[0], index: m.index, name: m[1] ?? m[2] ?? m[4], format: m[3] ?? m[6], fieldPath: m[5] });
  }
  return found;
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Own names only: `$constructor` is no macro and no scoped variable, whatever objects inherit. */
function isDefined(name: string, ctx: InterpolationContext): boolean {
  return (
    own(ctx.macros, name) ||
    (own(ctx.scopedVars, name) && ctx.scopedVars[name] !== undefined) ||
    ctx.templateSrv.containsTemplate(`$${name}`)
  );
}

/** Whether `name` is a macro or a dashboard variable (repeat-scoped ones included). */
export function hasVariable(name: string, ctx: InterpolationContext): boolean {
  return isDefined(name, ctx);
}

/** The raw value(s) of a variable, multi-value selections as arrays. */
export function variableValue(name: string, ctx: InterpolationContext): VariableValue {
  return resolve({ text: `\${${name}}`, name }, ctx);
}

function resolve(ref: Reference, ctx: InterpolationContext): VariableValue {
  if (own(ctx.macros, ref.name) && !ref.fieldPath) {
    return ctx.macros[ref.name];
  }
  if (!isDefined(ref.name, ctx)) {
    // Grafana's own built-ins ($__user, $__dashboard, ...) are not listed as variables:
    // they are defined when templateSrv replaces them with something else.
    const replaced = ctx.templateSrv.replace(ref.text, ctx.scopedVars);
    if (replaced === ref.text) {
      throw new UndefinedVariableError(ref.name);
    }
    return replaced;
  }
  if (ref.format) {
    return ctx.templateSrv.replace(ref.text, ctx.scopedVars);
  }
  let captured: VariableValue | undefined;
  // A format function receives the selection itself (an array when several values are
  // selected, All included), which is what typed GraphQL variables need.
  const out = ctx.templateSrv.replace(ref.text, ctx.scopedVars, (value: unknown) => {
    captured = Array.isArray(value) ? value.map(String) : String(value ?? '');
    return typeof captured === 'string' ? captured : captured.join(',');
  });
  return captured ?? out;
}

/**
 * Interpolates one JSON string value. A string that is exactly one reference yields the
 * variable's own value (an array for multi-value selections); references inside longer text
 * are joined with commas. Throws UndefinedVariableError for names nobody defines, so a typo
 * is reported instead of sending the literal `$name` to the API.
 */
export function interpolateString(text: string, ctx: InterpolationContext): VariableValue {
  const refs = references(text);
  if (!refs.length) {
    return text;
  }
  if (refs.length === 1 && refs[0].text === text) {
    return resolve(refs[0], ctx);
  }
  let out = '';
  let last = 0;
  for (const ref of refs) {
    const value = resolve(ref, ctx);
    const at = ref.index ?? 0;
    out += text.slice(last, at) + (Array.isArray(value) ? value.join(',') : value);
    last = at + ref.text.length;
  }
  return out + text.slice(last);
}

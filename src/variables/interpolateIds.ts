import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** Grafana's value for "All" of a multi-value variable without a custom all value. */
export const ALL_VALUE = '$__all';

// Separates the values of a multi-value variable; ids never contain it.
const SEP = '\u001f';

const VAR_REF = /^\s*(?:\$(\w+)|\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\])\s*$/;

/** The variable a string refers to when it is exactly one reference ($v, ${v}, ${v:fmt}, [[v]]). */
function referencedVariable(text: string): string | undefined {
  const m = VAR_REF.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function isAllSelected(templateSrv: TemplateSrv, name: string, scopedVars: ScopedVars | undefined): boolean {
  if (scopedVars && Object.prototype.hasOwnProperty.call(scopedVars, name)) {
    const v = scopedVars[name]?.value;
    return v === ALL_VALUE || (Array.isArray(v) && v.includes(ALL_VALUE));
  }
  const variable = templateSrv.getVariables().find((v) => v.name === name);
  if (!variable || !('current' in variable) || !variable.current) {
    return false;
  }
  const value: unknown = variable.current.value;
  return value === ALL_VALUE || (Array.isArray(value) && value.includes(ALL_VALUE));
}

/**
 * Interpolates a list of ids that may hold template variables. A multi-value variable expands
 * into several ids (each value kept whole, even if it contains a comma). A variable set to All
 * means "no filter": the result is undefined, as for an empty list.
 */
export function interpolateIds(
  ids: readonly string[] | undefined,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars | undefined
): string[] | undefined {
  if (!ids?.length) {
    return undefined;
  }
  const out: string[] = [];
  for (const raw of ids) {
    if (typeof raw !== 'string' || !raw.trim()) {
      continue;
    }
    const name = referencedVariable(raw);
    if (name && isAllSelected(templateSrv, name, scopedVars)) {
      return undefined;
    }
    const text = templateSrv.replace(raw, scopedVars, (value: unknown) =>
      Array.isArray(value) ? value.map(String).join(SEP) : String(value ?? '')
    );
    for (const id of text.split(SEP)) {
      const t = id.trim();
      if (t === ALL_VALUE || t === '*') {
        return undefined;
      }
      if (t && !out.includes(t)) {
        out.push(t);
      }
    }
  }
  return out.length ? out : undefined;
}

/** Interpolates one id (environment, project); empty stays empty. */
export function interpolateId(
  id: string | undefined,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars | undefined
): string {
  if (!id?.trim()) {
    return '';
  }
  const text = templateSrv.replace(id, scopedVars, (value: unknown) =>
    Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '')
  );
  const t = text.trim();
  return t === ALL_VALUE ? '' : t;
}

const LEFT_REFERENCE = /\$\w+|\$\{\w+[^}]*\}|\[\[\w+[^\]]*\]\]/;

/** The first variable reference still present after interpolation (Grafana keeps unknown ones). */
export function unresolvedVariable(values: ReadonlyArray<string | undefined>): string | undefined {
  for (const v of values) {
    const m = v ? LEFT_REFERENCE.exec(v) : null;
    if (m) {
      return m[0];
    }
  }
  return undefined;
}

import { kindOf } from '../catalog/answer';
import { common } from '../catalog/catalog';
import { message } from '../catalog/messages';
import type { ChoreoQuery } from '../types';

const FIELDS = common.savedFields;

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/**
 * The scope fields of a saved query read as the model says (dashboards are JSON edited by hand
 * and by scripts): numbers become text, a single id becomes a list of one, null is "not set";
 * anything else is refused with a message naming the field.
 */
export function checkSavedFields(query: ChoreoQuery): { query: ChoreoQuery; problem?: string } {
  const out: Record<string, unknown> = { ...query };
  for (const f of FIELDS) {
    const v = out[f.path];
    if (v === undefined || v === null) {
      delete out[f.path];
      continue;
    }
    const problem = (expected: string, got: unknown) =>
      message('savedFieldType', { label: f.label, path: f.path, expected, got: kindOf(got) });
    if (f.type === 'text') {
      const t = text(v);
      if (t === undefined) {
        return { query, problem: problem('text', v) };
      }
      out[f.path] = t;
      continue;
    }
    const items = Array.isArray(v) ? v : [v];
    const list: string[] = [];
    for (const item of items) {
      const t = item === null ? undefined : text(item);
      if (t === undefined && item !== null) {
        return { query, problem: problem('a list of ids', item) };
      }
      if (t !== undefined) {
        list.push(t);
      }
    }
    out[f.path] = list;
  }
  // The saved query with its scope fields of the model's types.
  return { query: out as unknown as ChoreoQuery };
}

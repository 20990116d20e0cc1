import { safeJson } from '../frames/depth';
import type { CatalogEntry } from './catalog';
import type { OptionDef } from './format';
import { message } from './messages';
import { getPath } from './paths';

export interface NormalizedOptions {
  /** `options.<name>` of the contexts: defaults applied, absent when neither set nor defaulted. */
  values: Record<string, unknown>;
  /** `attrs.<name>`: the chosen enum value's attributes. */
  attrs: Record<string, Record<string, string>>;
  /** Per option name, what is wrong with the saved value. */
  problems: Record<string, string>;
  /** What the panel should be told about values read differently than saved (clamped). */
  notices: string[];
}

function noun(o: OptionDef): string {
  return o.noun ?? o.label;
}

function choices(o: OptionDef): string {
  return (o.values ?? []).map((v) => v.value).join(', ');
}

function shown(v: unknown): string {
  // As JSON.stringify writes it (NaN is null), so both readers quote a saved value alike.
  return typeof v === 'string' ? v : v === undefined ? 'undefined' : safeJson(v);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.trim() || undefined;
  }
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** The items as text, empties dropped; `bad` is the first item that is no text at all. */
function texts(v: unknown): { items: string[]; bad?: unknown } {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const item of items) {
    const t = text(item);
    if (t !== undefined) {
      out.push(t);
    } else if (item !== null && item !== undefined && item !== '' && typeof item !== 'string') {
      return { items: out, bad: item };
    }
  }
  return { items: out };
}

type Checked = { value?: unknown; problem?: string; notice?: string };

/** Not set: absent, null, or text that is only white space. */
function unset(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function checkEnum(o: OptionDef, raw: unknown): Checked {
  if (unset(raw)) {
    return {};
  }
  const v = text(raw);
  if (v === undefined) {
    return { problem: message('optionUnknown', { noun: noun(o), value: shown(raw), choices: choices(o) }) };
  }
  return (o.values ?? []).some((x) => x.value === v) || o.allowCustom
    ? { value: v }
    : { problem: message('optionUnknown', { noun: noun(o), value: v, choices: choices(o) }) };
}

function checkList(o: OptionDef, raw: unknown, enumerated: boolean): Checked {
  const { items, bad: notText } = texts(raw);
  if (notText !== undefined) {
    return {
      problem: enumerated
        ? message('optionUnknown', { noun: noun(o), value: shown(notText), choices: choices(o) })
        : message('optionText', { label: o.label, value: shown(notText) }),
    };
  }
  if (enumerated) {
    const bad = items.find((v) => !(o.values ?? []).some((x) => x.value === v));
    if (bad !== undefined) {
      return { problem: message('optionUnknown', { noun: noun(o), value: bad, choices: choices(o) }) };
    }
  }
  if (o.minItems !== undefined && items.length < o.minItems) {
    return { problem: o.messages?.minItems ?? message('optionMinItems', { min: o.minItems, noun: noun(o) }) };
  }
  if (o.maxItems !== undefined && items.length > o.maxItems) {
    return { problem: o.messages?.maxItems ?? message('optionMaxItems', { max: o.maxItems, noun: noun(o) }) };
  }
  return items.length ? { value: items } : {};
}

function checkInteger(o: OptionDef, raw: unknown): Checked {
  if (unset(raw)) {
    return {};
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
  const min = o.min ?? Number.MIN_SAFE_INTEGER;
  if (Number.isInteger(n) && n >= min && (o.max === undefined || n <= o.max)) {
    return { value: n };
  }
  if (o.clamp && o.max !== undefined && Number.isInteger(n) && n > o.max) {
    return { value: o.max, notice: message('optionClamped', { label: o.label, value: shown(raw), max: o.max }) };
  }
  return {
    problem:
      o.max === undefined
        ? message('optionInteger', { label: o.label, min, value: shown(raw) })
        : message('optionIntegerRange', { label: o.label, min, max: o.max, value: shown(raw) }),
  };
}

function check(o: OptionDef, raw: unknown): Checked {
  switch (o.type) {
    case 'enum':
      return checkEnum(o, raw);
    case 'enumList':
      return checkList(o, raw, true);
    case 'stringList':
      return checkList(o, raw, false);
    case 'integer':
      return checkInteger(o, raw);
    case 'string': {
      const v = text(raw);
      return v === undefined && !unset(raw)
        ? { problem: message('optionText', { label: o.label, value: shown(raw) }) }
        : { value: v };
    }
  }
}

/**
 * Reads every option of the type from a saved query the way the runner and the editor both
 * need it: values checked against the catalog (with the message the panel and the editor show),
 * defaults applied.
 */
export function normalizeOptions(entry: CatalogEntry, query: object): NormalizedOptions {
  const out: NormalizedOptions = { values: {}, attrs: {}, problems: {}, notices: [] };
  for (const o of entry.options) {
    const { value, problem, notice } = check(o, getPath(query, o.path ?? o.name));
    if (problem) {
      out.problems[o.name] = problem;
      continue;
    }
    if (notice) {
      out.notices.push(notice);
    }
    const v = value ?? o.default;
    if (v === undefined || v === null) {
      continue;
    }
    out.values[o.name] = v;
    const attrs = typeof v === 'string' ? o.values?.find((x) => x.value === v)?.attrs : undefined;
    if (attrs) {
      out.attrs[o.name] = attrs;
    }
  }
  return out;
}

/** The first problem, in option order: what a panel shows when its query cannot run. */
export function firstProblem(entry: CatalogEntry, problems: Record<string, string>): string | undefined {
  for (const o of entry.options) {
    if (problems[o.name]) {
      return problems[o.name];
    }
  }
  return undefined;
}

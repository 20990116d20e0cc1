import type { GraphQLErrorItem } from '../../client/insightsClient';
import type { MergedDocument } from './mergeDocuments';

export interface MemberResult {
  /** The member's data under its own response keys (null where the server gave null). */
  data: Record<string, unknown>;
  /** Errors about this member's fields, with paths rewritten to its own keys. */
  errors: GraphQLErrorItem[];
}

/**
 * Splits a merged response back per member. An error whose path starts at a member's field
 * goes to that member only; an error without such a path (rare when data came back) concerns
 * the whole request and goes to every member.
 */
export function splitResponse(
  merged: MergedDocument,
  members: number,
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLErrorItem[]
): MemberResult[] {
  const out: MemberResult[] = [];
  for (let i = 0; i < members; i++) {
    out.push({ data: {}, errors: [] });
  }
  for (const [mergedKey, { member, key }] of merged.aliases) {
    out[member].data[key] = data?.[mergedKey] ?? null;
  }
  for (const e of errors) {
    const head = e.path?.[0];
    const entry = typeof head === 'string' ? merged.aliases.get(head) : undefined;
    if (entry) {
      out[entry.member].errors.push({ ...e, path: [entry.key, ...(e.path ?? []).slice(1)] });
    } else {
      for (const r of out) {
        r.errors.push(e);
      }
    }
  }
  return out;
}

/** True when the member got nothing but errors: every field null and at least one error. */
export function onlyErrors(result: MemberResult): boolean {
  return result.errors.length > 0 && Object.values(result.data).every((v) => v === null || v === undefined);
}

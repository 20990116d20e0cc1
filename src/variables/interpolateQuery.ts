import type { AdHocVariableFilter, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { message } from '../catalog/messages';
import type { ChoreoQuery } from '../types';
import { interpolateId, interpolateIds, unresolvedVariable } from './interpolateIds';

/** The ad-hoc filter keys this data source offers (getTagKeys), and the query field each sets. */
export const TAG_KEYS = [
  { key: 'api', text: 'API', field: 'apiIds' },
  { key: 'application', text: 'Application', field: 'appIds' },
] as const;

export interface Interpolated {
  query: ChoreoQuery;
  /** Why the query cannot run as written (an undefined variable, filters with nothing in common). */
  problem?: string;
  /** What the panel should be told (an ad-hoc filter this data source cannot apply). */
  notices: string[];
}

function text(templateSrv: TemplateSrv, v: unknown, scopedVars: ScopedVars | undefined): unknown {
  // Several values of one variable in a text field read as a list a person would write.
  return typeof v === 'string' ? templateSrv.replace(v, scopedVars, 'csv') : v;
}

/** A list of texts where an item that is one multi-value variable becomes its values. */
function texts(templateSrv: TemplateSrv, list: unknown, scopedVars: ScopedVars | undefined): unknown {
  if (!Array.isArray(list)) {
    return list;
  }
  return list.flatMap((item) =>
    typeof item === 'string' ? (interpolateIds([item], templateSrv, scopedVars) ?? []) : [item]
  );
}

/**
 * The ids an ad-hoc filter allows (`=` one value, `=|` several), or `undefined` for a filter this
 * data source cannot express (the Insights API has no "not equal").
 */
function filterIds(f: AdHocVariableFilter): string[] | undefined {
  if (f.operator === '=') {
    return [f.value];
  }
  if (f.operator === '=|') {
    return (f as AdHocVariableFilter & { values?: string[] }).values ?? [f.value];
  }
  return undefined;
}

function applyFilters(
  query: ChoreoQuery,
  filters: readonly AdHocVariableFilter[],
  notices: string[]
): { query: ChoreoQuery; problem?: string } {
  const out: ChoreoQuery = { ...query };
  for (const tag of TAG_KEYS) {
    const mine = filters.filter((f) => f.key === tag.key);
    for (const f of mine) {
      const ids = filterIds(f);
      if (!ids) {
        notices.push(message('adhocOperator', { key: tag.text, operator: f.operator }));
        continue;
      }
      const current = out[tag.field];
      const next = current?.length ? current.filter((id) => ids.includes(id)) : [...ids];
      if (!next.length) {
        return { query: out, problem: message('adhocNoOverlap', { key: tag.text }) };
      }
      out[tag.field] = next;
    }
  }
  return { query: out };
}

/**
 * A query with every dashboard variable resolved, as the runner sends it and as Explore opens it:
 * scope ids (a multi-value variable becomes a list of ids, All becomes "no filter"), search text,
 * custom report group-by values, limits, with ad-hoc filters applied to the API and application
 * filters. Raw GraphQL keeps its document and variables: dashboard variables there are typed per
 * GraphQL variable when it runs (see src/graphql/variables.ts).
 */
export function interpolateQuery(
  query: ChoreoQuery,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars | undefined,
  filters: readonly AdHocVariableFilter[] = []
): Interpolated {
  const notices: string[] = [];
  const q: ChoreoQuery = { ...query };
  const set = <K extends keyof ChoreoQuery>(key: K, value: ChoreoQuery[K] | undefined) => {
    if (value === undefined || value === '') {
      delete q[key];
    } else {
      q[key] = value;
    }
  };
  if (typeof query.environmentId === 'string') {
    set('environmentId', interpolateId(query.environmentId, templateSrv, scopedVars));
  }
  if (typeof query.projectId === 'string') {
    set('projectId', interpolateId(query.projectId, templateSrv, scopedVars));
  }
  for (const key of ['apiIds', 'appIds'] as const) {
    const ids = query[key];
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) {
      set(key, interpolateIds(ids, templateSrv, scopedVars));
    }
  }
  set('search', text(templateSrv, query.search, scopedVars) as string | undefined);
  for (const key of ['limit', 'maxRows'] as const) {
    // A variable in a number field: the text it gives, which the catalog reads as a number.
    set(key, text(templateSrv, query[key], scopedVars) as number | undefined);
  }
  if (query.customReport) {
    q.customReport = {
      ...query.customReport,
      groupByValues: texts(templateSrv, query.customReport.groupByValues, scopedVars) as string[] | undefined,
    };
  }
  // Checked before the ad-hoc filters narrow the ids: a misspelt variable must be named, not
  // dropped by an intersection or reported as a filter with nothing in common.
  const left = unresolvedVariable(
    [
      q.environmentId,
      q.projectId,
      ...(q.apiIds ?? []),
      ...(q.appIds ?? []),
      q.search,
      ...(q.customReport?.groupByValues ?? []),
      q.limit,
      q.maxRows,
    ].filter((v): v is string => typeof v === 'string')
  );
  const filtered = applyFilters(q, filters, notices);
  const problem = left ? message('undefinedVariable', { name: left }) : filtered.problem;
  return { query: filtered.query, problem, notices };
}

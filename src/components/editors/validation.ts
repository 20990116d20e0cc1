import { QueryType, type ChoreoQuery } from '../../types';
import { QUERY_TYPES } from '../queryTypes';

/** The Insights API filters accept at most five API ids and five application ids. */
export const MAX_SCOPE_IDS = 5;
export const MAX_ROWS_LIMIT = 100000;
export const MAX_GROUP_BY_FIELDS = 3;

export type ProblemField = 'apiIds' | 'appIds' | 'limit' | 'maxRows' | 'metric' | 'groupByFields' | 'list';
export type QueryProblems = Partial<Record<ProblemField, string>>;

export const MESSAGES = {
  apiRequired: 'Choose an API: latency is shown for one API at a time.',
  tooManyApis: `Choose at most ${MAX_SCOPE_IDS} APIs: the Insights API rejects more.`,
  tooManyApps: `Choose at most ${MAX_SCOPE_IDS} applications: the Insights API rejects more.`,
  limit: 'Enter a whole number of at least 1.',
  maxRows: `Enter a whole number from 1 to ${MAX_ROWS_LIMIT.toLocaleString('en-US')}.`,
  metric: 'Choose a metric.',
  groupByFields: `Choose 1 to ${MAX_GROUP_BY_FIELDS} fields to group by.`,
  list: 'Choose what to list.',
} as const;

const isVariable = (v: string) => v.includes('$');

/** Literal ids only: a template variable may expand to any number, which only runtime knows. */
function tooMany(ids: string[] | undefined): boolean {
  return (ids ?? []).filter((id) => !isVariable(id)).length > MAX_SCOPE_IDS;
}

function wholeNumberIn(n: number | undefined, min: number, max: number): boolean {
  return n === undefined || (Number.isInteger(n) && n >= min && n <= max);
}

/**
 * What stops a query from running, worded for the person editing the panel. The editor shows
 * each message under its field and does not run a query that has any.
 */
export function queryProblems(query: ChoreoQuery): QueryProblems {
  const type = query.queryType;
  if (!type || !QUERY_TYPES[type]) {
    return {};
  }
  const info = QUERY_TYPES[type];
  const problems: QueryProblems = {};
  const apiIds = (query.apiIds ?? []).filter(Boolean);

  if (info.apiRequired && apiIds.length === 0) {
    problems.apiIds = MESSAGES.apiRequired;
  } else if (info.apis === 'multi' && tooMany(query.apiIds)) {
    problems.apiIds = MESSAGES.tooManyApis;
  }
  if (info.apps === 'multi' && tooMany(query.appIds)) {
    problems.appIds = MESSAGES.tooManyApps;
  }

  const usesLimit = type === QueryType.TopSlowestApis || type === QueryType.TopApisByAlertCount;
  if (usesLimit && !wholeNumberIn(query.limit, 1, Number.MAX_SAFE_INTEGER)) {
    problems.limit = MESSAGES.limit;
  }
  if (!wholeNumberIn(query.maxRows, 1, MAX_ROWS_LIMIT)) {
    problems.maxRows = MESSAGES.maxRows;
  }

  if (type === QueryType.CustomReport) {
    const report = query.customReport ?? {};
    if (!report.metric) {
      problems.metric = MESSAGES.metric;
    }
    const fields = report.groupByFields ?? [];
    if (fields.length < 1 || fields.length > MAX_GROUP_BY_FIELDS) {
      problems.groupByFields = MESSAGES.groupByFields;
    }
  }
  if (type === QueryType.List && !query.list) {
    problems.list = MESSAGES.list;
  }
  return problems;
}

export function hasProblems(problems: QueryProblems): boolean {
  return Object.values(problems).some(Boolean);
}

import { entryFor, resolveDefinition } from '../catalog/catalog';
import { normalizeOptions } from '../catalog/options';
import { checkFilter } from '../runner/prepare';
import type { ChoreoQuery } from '../types';

/** Per field (`apiIds`, `appIds`, or an option name), what stops the query from running. */
export type QueryProblems = Record<string, string | undefined>;

const isVariable = (v: string) => v.includes('$');

/**
 * What stops a query from running, worded for the person editing the panel: the same checks and
 * texts the runner applies (catalog options and scope rules). Ids that hold a template variable
 * are not counted: a variable may expand to any number, which only the runner knows.
 */
export function queryProblems(query: ChoreoQuery): QueryProblems {
  const entry = entryFor(query.queryType);
  if (!entry || entry.raw) {
    return {};
  }
  const opts = normalizeOptions(entry, query);
  const problems: QueryProblems = { ...opts.problems };
  const def = resolveDefinition(entry, entry.variants ? String(opts.values[entry.variants.option]) : undefined);
  const literal = (ids: string[] | undefined) => (ids ?? []).filter((id) => id && !isVariable(id));
  const hasVariable = (ids: string[] | undefined) => (ids ?? []).some(isVariable);
  const apis = literal(query.apiIds);
  if (!(def.scope.apis === 'required' && hasVariable(query.apiIds))) {
    problems.apiIds = checkFilter(
      apis.length ? apis : undefined,
      def.scope.apis,
      'apis',
      [],
      entry.messages?.apiRequired
    ).error;
  }
  problems.appIds = checkFilter(literal(query.appIds), def.scope.apps, 'apps', []).error;
  return problems;
}

export function hasProblems(problems: QueryProblems): boolean {
  return Object.values(problems).some(Boolean);
}

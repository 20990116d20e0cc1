import type { DataQuery } from '@grafana/schema';

import { entryFor, resolveDefinition } from '../catalog/catalog';
import type { ChoreoVariableQuery, ListKind } from '../types';

/**
 * Choreo has no list query for projects (the Insights API takes a `projectId` but cannot list
 * them), so a projects variable is a static list the dashboard author pastes from the Choreo
 * console, one `name = id` (or bare id) per line. It still saves as a query variable so the
 * values look and behave like the other lists (text = name, value = id).
 */
export type VariableListKind = ListKind | 'projects';

export interface VariableQuery extends DataQuery, Omit<ChoreoVariableQuery, 'list'> {
  list: VariableListKind;
  /** `projects` only: one `name = id` per line. */
  projects?: string;
}

/** The template variable lists: every list of the catalog's List query type, plus projects. */
export const LIST_KINDS: Array<{ value: VariableListKind; label: string; description: string }> = [
  ...listOption().map((v) => ({
    value: v.value as VariableListKind,
    label: v.label,
    description: v.description ?? '',
  })),
  { value: 'projects', label: 'Projects', description: 'A static list: the API cannot list projects' },
];

/** Lists scoped to one environment (the `environmentId` field applies). */
export const ENVIRONMENT_SCOPED: ReadonlySet<VariableListKind> = new Set(
  listOption()
    .map((v) => v.value as VariableListKind)
    .filter((kind) => {
      const entry = entryFor('list');
      return entry ? resolveDefinition(entry, kind).scope.environment : false;
    })
);

function listOption() {
  return entryFor('list')?.options.find((o) => o.name === 'list')?.values ?? [];
}

/** Accepts what older or hand-written models hold: a bare string is a list kind. */
export function normalizeVariableQuery(
  query: Partial<VariableQuery> | string | undefined,
  refId = 'variable'
): VariableQuery {
  if (typeof query === 'string') {
    return { refId, list: (query.trim() || 'environments') as VariableListKind };
  }
  return { ...query, refId: query?.refId ?? refId, list: query?.list ?? 'environments' };
}

export interface StaticEntry {
  text: string;
  value: string;
}

/** Parses the projects list: `name = id` or a bare id per line; blank lines and `#` comments ignored. */
export function parseStaticList(text: string | undefined): StaticEntry[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const eq = line.lastIndexOf('=');
      if (eq < 0) {
        return { text: line, value: line };
      }
      const text = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      return { text: text || value, value };
    });
}

import type { ComboboxOption } from '@grafana/ui';

import { common, entries, entryFor } from '../catalog/catalog';
import type { QueryType } from '../types';

export function isQueryType(value: unknown): value is QueryType {
  return entryFor(value) !== undefined;
}

/** The type select's options, grouped by console page in the console's menu order. */
export const QUERY_TYPE_OPTIONS: Array<ComboboxOption<QueryType>> = common.pages.flatMap((page) =>
  entries()
    .filter((e) => e.page === page)
    .map((e) => ({ label: e.label, value: e.type as QueryType, description: e.description, group: page }))
);

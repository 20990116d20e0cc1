import { userError } from '../errors';

export interface PaginationInput {
  limit?: number | null;
  offset?: number | null;
  sortBy?: string | null;
  sortOrder?: string | null;
}

export interface SearchInput {
  apiIds?: ReadonlyArray<string | null> | null;
  searchText: string;
}

export interface Pagination {
  total: number;
  limit: number;
  offset: number;
  sortBy: string;
  sortOrder: string;
}

export type SortKey = string | number;

export interface PageOptions<T> {
  defaultSortBy: string;
  /** Sortable columns; the keys are the accepted sortBy values. */
  columns: Readonly<Record<string, (row: T) => SortKey>>;
  /** Count-ranked operations (getTopAPIsByAlertCount) always sort descending. */
  alwaysDesc?: boolean;
  /** Largest page served whatever the limit asked (a server-side cap); none when undefined. */
  maxPageSize?: number;
  /** A total to claim whatever the real row count (a lying server, for fault injection). */
  claimTotal?: number;
}

/** Sorts and slices like the live API: limit defaults to 5, offset to 0, order to asc. */
export function paginate<T>(
  rows: readonly T[],
  input: PaginationInput | null | undefined,
  opts: PageOptions<T>
): { items: T[]; pagination: Pagination } {
  const limit = input?.limit ?? 5;
  const offset = input?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) {
    throw userError(`Invalid paginationFilter.limit ${limit}: must be a positive integer`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw userError(`Invalid paginationFilter.offset ${offset}: must be zero or a positive integer`);
  }
  const sortBy = input?.sortBy ?? opts.defaultSortBy;
  const key = opts.columns[sortBy];
  if (!key) {
    throw userError(`Invalid sortBy '${sortBy}'. Supported values: ${Object.keys(opts.columns).join(', ')}`);
  }
  let sortOrder = (input?.sortOrder ?? (opts.alwaysDesc ? 'desc' : 'asc')).toLowerCase();
  if (sortOrder !== 'asc' && sortOrder !== 'desc') {
    throw userError(`Invalid sortOrder '${input?.sortOrder}'. Supported values: asc, desc`);
  }
  if (opts.alwaysDesc) {
    sortOrder = 'desc';
  }
  const dir = sortOrder === 'asc' ? 1 : -1;
  // Index as the final tie-breaker keeps equal keys in a stable, deterministic order.
  const sorted = rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i))
    .map((x) => x.row);
  return {
    items: sorted.slice(offset, offset + Math.min(limit, opts.maxPageSize ?? limit)),
    pagination: { total: opts.claimTotal ?? rows.length, limit, offset, sortBy, sortOrder },
  };
}

/** A row matches a search when one of its texts contains the text (case-insensitive). */
export function matchesSearch(
  search: SearchInput | null | undefined,
  apiId: string | null,
  texts: ReadonlyArray<string | null>
): boolean {
  if (!search) {
    return true;
  }
  const apiIds = (search.apiIds ?? []).filter((x): x is string => !!x);
  if (apiIds.length > 0 && (apiId === null || !apiIds.includes(apiId))) {
    return false;
  }
  const needle = search.searchText.toLowerCase();
  return texts.some((t) => t !== null && t.toLowerCase().includes(needle));
}

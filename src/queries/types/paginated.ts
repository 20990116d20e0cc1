import type { Paginator } from '../handler';

export interface PaginationInfo {
  total?: number | null;
}

type PageObject = { [field: string]: unknown; pagination?: PaginationInfo | null } | null | undefined;

/**
 * Paginator for responses shaped `{ <key>: { <rowsKey>: [...], pagination: { total } } }`. The
 * casts read TData as a plain record: the key is checked against TData, the rest is guarded.
 */
export function pagedAt<TData>(key: keyof TData & string, rowsKey: string): Paginator<TData> {
  const pageOf = (data: TData) => (data as Record<string, PageObject>)[key];
  return {
    rows: (data) => {
      const rows = pageOf(data)?.[rowsKey];
      return Array.isArray(rows) ? rows : [];
    },
    total: (data) => {
      const t = pageOf(data)?.pagination?.total;
      return typeof t === 'number' ? t : 0;
    },
    withRows: (data, rows) => ({ ...data, [key]: { ...pageOf(data), [rowsKey]: rows } }),
  };
}

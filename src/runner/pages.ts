import { concatMap, forkJoin, from, last, map, Observable, of, reduce, takeWhile } from 'rxjs';

import { message } from '../catalog/messages';
import { getPath } from '../catalog/paths';
import type { GraphQLErrorItem, InsightsTransport } from '../client/insightsClient';
import { readNumber } from '../frames/number';
import { subRequestId } from './batch/sendBatch';
import type { Pager } from './target';

export interface Paged {
  data: unknown;
  errors: GraphQLErrorItem[];
  pages: number;
  /** Said when rows were left out. */
  notice?: string;
}

function rowsOf(pager: Pager, data: unknown): unknown[] {
  const rows = getPath(data, pager.spec.rows);
  return Array.isArray(rows) ? rows : [];
}

/** A copy of `data` with the list at `path` replaced by `rows`. */
function withRows(data: unknown, path: string, rows: unknown[]): unknown {
  const [head, ...rest] = path.split('.');
  const obj =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { ...obj, [head]: rest.length ? withRows(obj[head], rest.join('.'), rows) : rows };
}

/**
 * The rest of a paginated target after its first page (which asked for `min(maxRows, page
 * limit)` rows, so a panel normally costs one request). More pages follow only when rows are
 * still wanted and the server has them: when it returned fewer than asked while its total says
 * more exist (it caps the page size; later pages use that size), or when maxRows is above the
 * page limit. With a total they are fetched together; without one, one after another until a
 * short page.
 */
export function remainingPages(
  client: InsightsTransport,
  pager: Pager,
  first: { data: unknown; errors: GraphQLErrorItem[] },
  requestId?: string
): Observable<Paged> {
  const { maxRows, asked } = pager;
  const rows = [...rowsOf(pager, first.data)];
  const total = readNumber(getPath(first.data, pager.spec.total)) ?? 0;
  const errors = [...first.errors];
  const pageSize = rows.length > 0 && rows.length < asked && total > rows.length ? rows.length : asked;
  const wanted = Math.min(total, maxRows);
  const page = (offset: number, size: number) =>
    client.request<unknown>(pager.page(offset, Math.min(size, maxRows - offset)), {
      requestId: subRequestId(requestId, `p${offset}`),
    });

  let more: Observable<unknown[][]>;
  if (rows.length > 0 && rows.length < wanted) {
    const offsets: number[] = [];
    for (let offset = rows.length; offset < wanted; offset += pageSize) {
      offsets.push(offset);
    }
    more = forkJoin(
      offsets.map((o) =>
        page(o, pageSize).pipe(
          map((r) => {
            errors.push(...r.errors);
            return rowsOf(pager, r.data);
          })
        )
      )
    );
  } else if (rows.length === asked && asked < maxRows && total <= rows.length) {
    // A full page, more rows wanted and no usable total: keep going until a short page.
    const offsets: number[] = [];
    for (let offset = asked; offset < maxRows; offset += asked) {
      offsets.push(offset);
    }
    more = from(offsets).pipe(
      concatMap((o) =>
        page(o, asked).pipe(
          map((r) => {
            errors.push(...r.errors);
            return { rows: rowsOf(pager, r.data), full: rowsOf(pager, r.data).length >= Math.min(asked, maxRows - o) };
          })
        )
      ),
      takeWhile((p) => p.full, true),
      reduce((acc: unknown[][], p) => [...acc, p.rows], [])
    );
  } else {
    more = of([]);
  }

  return more.pipe(
    last(),
    map((pages) => {
      for (const p of pages) {
        rows.push(...p);
      }
      const available = Math.max(total, rows.length);
      const notice =
        available > maxRows
          ? total >= rows.length
            ? message('rowsCut', { shown: maxRows, total })
            : message('rowsCutUnknownTotal', { shown: maxRows })
          : undefined;
      return {
        data: withRows(first.data, pager.spec.rows, rows.slice(0, maxRows)),
        errors,
        pages: 1 + pages.length,
        notice,
      };
    })
  );
}

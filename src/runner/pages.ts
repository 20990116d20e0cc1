import {
  concatMap,
  endWith,
  from,
  ignoreElements,
  map,
  mergeMap,
  Observable,
  of,
  takeUntil,
  takeWhile,
  timer,
} from 'rxjs';

import { readList } from '../catalog/answer';
import { subRequestId } from './batch/sendBatch';
import { common } from '../catalog/catalog';
import { message } from '../catalog/messages';
import { getPath } from '../catalog/paths';
import type { GraphQLErrorItem, InsightsTransport } from '../client/insightsClient';
import { readNumber } from '../frames/number';
import type { Pager } from './target';

export interface Paged {
  data: unknown;
  errors: GraphQLErrorItem[];
  pages: number;
  /** Said when rows were left out. */
  notice?: string;
}

/** When a panel run stops starting pages (epoch ms), from its start and the paging budget. */
export function pagingDeadline(startedAt: number): number {
  return startedAt + common.paging.budgetSeconds * 1000;
}

function rowsOf(pager: Pager, data: unknown): unknown[] {
  return readList({ data }, `data.${pager.spec.rows}`);
}

/** A copy of `data` with the list at `path` replaced by `rows`. */
function withRows(data: unknown, path: string, rows: unknown[]): unknown {
  const [head, ...rest] = path.split('.');
  const obj =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { ...obj, [head]: rest.length ? withRows(obj[head], rest.join('.'), rows) : rows };
}

interface Plan {
  /** Offsets of the pages after the first, in order. */
  offsets: number[];
  size: number;
  /** Fetched one after another until a short page (no usable total). */
  sequential: boolean;
  /** The page budget cut the offsets short. */
  cut: boolean;
}

/**
 * Which pages follow the first (which asked for `min(maxRows, page limit)` rows, so a panel
 * normally costs one request). More pages follow only when rows are still wanted and the server
 * has them: when it returned fewer than asked while its total says more exist (it caps its page
 * size: later pages use that size), or when maxRows is above the page limit. With a total they
 * are fetched a few at a time; without one, one after another until a short page. Never more
 * than the paging budget's pages per query.
 */
function plan(pager: Pager, rows: number, total: number): Plan {
  const { maxRows, asked } = pager;
  const budget = common.paging.maxPages - 1;
  const offsets: number[] = [];
  if (rows > 0 && rows < Math.min(total, maxRows)) {
    const size = rows < asked && total > rows ? rows : asked;
    const wanted = Math.min(total, maxRows);
    for (let offset = rows; offset < wanted && offsets.length <= budget; offset += size) {
      offsets.push(offset);
    }
    const cut = offsets.length > budget;
    return { offsets: offsets.slice(0, budget), size, sequential: false, cut };
  }
  if (rows === asked && asked < maxRows && total <= rows) {
    for (let offset = asked; offset < maxRows && offsets.length < budget; offset += asked) {
      offsets.push(offset);
    }
    return { offsets, size: asked, sequential: true, cut: false };
  }
  return { offsets, size: asked, sequential: false, cut: false };
}

/**
 * The rest of a paginated target after its first page, within the panel run's budget: at most
 * `maxPages` pages, `maxConcurrentPages` at a time, none started after `deadline`. Rows are kept
 * in order up to the first page that did not arrive; a notice says what was left out and why.
 */
export function remainingPages(
  client: InsightsTransport,
  pager: Pager,
  first: { data: unknown; errors: GraphQLErrorItem[] },
  deadline: number,
  requestId?: string,
  now: () => number = Date.now
): Observable<Paged> {
  const { maxRows } = pager;
  const firstRows = rowsOf(pager, first.data);
  const total = readNumber(getPath(first.data, pager.spec.total)) ?? 0;
  const p = plan(pager, firstRows.length, total);
  const errors = [...first.errors];
  const pages: Array<unknown[] | undefined> = new Array(p.offsets.length);
  let short = p.offsets.length;
  const fetch = (index: number) =>
    client
      .request<unknown>(pager.page(p.offsets[index], Math.min(p.size, maxRows - p.offsets[index])), {
        // Grafana cancels an in-flight request when another with its requestId starts: each page its own.
        requestId: subRequestId(requestId, `p${p.offsets[index]}`),
      })
      .pipe(
        map((r) => {
          errors.push(...r.errors);
          pages[index] = rowsOf(pager, r.data);
          return pages[index]!.length >= Math.min(p.size, maxRows - p.offsets[index]);
        })
      );
  const indexes = from(p.offsets.map((_, i) => i));
  const fetched: Observable<unknown> = p.sequential
    ? indexes.pipe(
        concatMap((i) => fetch(i).pipe(map((full) => ({ i, full })))),
        takeWhile(({ i, full }) => {
          if (!full) {
            short = i + 1;
          }
          return full;
        }, true)
      )
    : indexes.pipe(mergeMap(fetch, common.paging.maxConcurrentPages));

  // Past the deadline no page starts at all (not even the first few, cancelled a moment later).
  const wait = deadline - now();
  return (p.offsets.length && wait > 0 ? fetched : of(null)).pipe(
    takeUntil(timer(Math.max(0, wait))),
    ignoreElements(),
    endWith(null),
    map((): Paged => {
      const rows = [...firstRows];
      let got = 0;
      while (got < Math.min(short, pages.length) && pages[got] !== undefined) {
        rows.push(...pages[got]!);
        got++;
      }
      const timedOut = got < Math.min(short, pages.length);
      const shown = Math.min(rows.length, maxRows);
      let notice: string | undefined;
      if (timedOut) {
        notice = message('pagesTimedOut', { shown, seconds: common.paging.budgetSeconds });
      } else if (p.cut) {
        notice = message('pagesCut', { shown, total, size: p.size, pages: common.paging.maxPages });
      } else if (Math.max(total, rows.length) > maxRows) {
        notice =
          total >= rows.length
            ? message('rowsCut', { shown: maxRows, total })
            : message('rowsCutUnknownTotal', { shown: maxRows });
      }
      return { data: withRows(first.data, pager.spec.rows, rows.slice(0, maxRows)), errors, pages: 1 + got, notice };
    })
  );
}

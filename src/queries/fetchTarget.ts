import { describeGraphQLError, type GraphQLErrorItem } from '../client/graphqlClient';
import type { ChoreoQuery } from '../types';
import { DEFAULT_MAX_ROWS, notice, PAGE_LIMIT } from './common';
import type { BuiltQuery, Paginator, QueryContext, QueryHandler } from './handler';
import type { QueryDeps } from './queryDeps';

export interface Fetched {
  data: unknown;
  /** The (first) request sent, for the Query inspector. */
  built: BuiltQuery;
  pages: number;
}

/** What the Query inspector shows: the document and the variables exactly as sent. */
export function executedQueryString(built: BuiltQuery, pages = 1): string {
  const more = pages > 1 ? `\n# ${pages} pages fetched; variables of the first page` : '';
  return `${built.document.trim()}\n\n# variables${more}\n${JSON.stringify(built.variables, null, 2)}`;
}

function warnPartial(ctx: QueryContext, errors: GraphQLErrorItem[]): void {
  for (const e of errors) {
    ctx.notices.push(notice(`Insights API returned part of the data with an error: ${describeGraphQLError(e)}`));
  }
}

async function send(deps: QueryDeps, built: BuiltQuery, ctx: QueryContext, requestId: string): Promise<unknown> {
  const { data, errors } = await deps.client.execute<unknown>(
    { query: built.document, variables: built.variables, operationName: built.operationName },
    { requestId }
  );
  warnPartial(ctx, errors);
  return data;
}

/**
 * Runs a target's request(s): one request, or for paginated views one request asking for every
 * row wanted (up to PAGE_LIMIT), then more pages only when the server could not give them all
 * in one (see fetchPages).
 */
export async function fetchTarget(
  handler: QueryHandler<unknown>,
  query: ChoreoQuery,
  ctx: QueryContext,
  deps: QueryDeps,
  requestId: string
): Promise<Fetched> {
  if (!handler.paginator) {
    const built = handler.build(query, ctx);
    return { data: await send(deps, built, ctx, requestId), built, pages: 1 };
  }
  return fetchPages(handler, handler.paginator, query, ctx, deps, requestId);
}

/**
 * The first request asks for `min(maxRows, PAGE_LIMIT)` rows, so a panel normally costs one
 * request. More pages follow only when rows are still wanted and the server has them: when it
 * returned fewer than asked while its total says more exist (it caps the page size, and later
 * pages use that size), or when maxRows is above PAGE_LIMIT. With a total they are fetched
 * concurrently; without one, one after another until a short page.
 */
async function fetchPages(
  handler: QueryHandler<unknown>,
  paginator: Paginator<unknown>,
  query: ChoreoQuery,
  ctx: QueryContext,
  deps: QueryDeps,
  requestId: string
): Promise<Fetched> {
  const maxRows = query.maxRows && query.maxRows > 0 ? Math.floor(query.maxRows) : DEFAULT_MAX_ROWS;
  const asked = Math.min(maxRows, PAGE_LIMIT);
  // The last page asks only for the rows still wanted.
  const buildPage = (offset: number, size: number) =>
    handler.build(query, { ...ctx, page: { offset, limit: Math.min(size, maxRows - offset) } });

  const built = buildPage(0, asked);
  const first = await send(deps, built, ctx, `${requestId}-p0`);
  const rows = [...paginator.rows(first)];
  const total = paginator.total(first);
  let pages = 1;
  // A short first page with more rows behind it is the server's page size cap: page by it.
  const pageSize = rows.length > 0 && rows.length < asked && total > rows.length ? rows.length : asked;
  const wanted = Math.min(total, maxRows);

  if (rows.length > 0 && rows.length < wanted) {
    const offsets: number[] = [];
    for (let offset = rows.length; offset < wanted; offset += pageSize) {
      offsets.push(offset);
    }
    const more = await Promise.all(
      offsets.map((offset, i) => send(deps, buildPage(offset, pageSize), ctx, `${requestId}-p${i + 1}`))
    );
    for (const page of more) {
      rows.push(...paginator.rows(page));
    }
    pages += more.length;
  } else if (rows.length === asked && asked < maxRows && total <= rows.length) {
    // A full page, more rows wanted and no usable total: keep going until a short page.
    for (let offset = asked; offset < maxRows; offset += asked) {
      const page = paginator.rows(await send(deps, buildPage(offset, asked), ctx, `${requestId}-p${pages}`));
      pages++;
      rows.push(...page);
      if (page.length < Math.min(asked, maxRows - offset)) {
        break;
      }
    }
  }

  const available = Math.max(total, rows.length);
  if (available > maxRows) {
    ctx.notices.push(
      notice(
        `Showing the first ${maxRows} of ${total >= rows.length ? total : `more than ${maxRows}`} rows: raise "Max rows" to see more.`
      )
    );
  }
  return { data: paginator.withRows(first, rows.slice(0, maxRows)), built, pages };
}

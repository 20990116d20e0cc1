// jsdom (the default): pages.ts loads the client types' module, which loads @grafana/runtime.
import { lastValueFrom, Observable } from 'rxjs';

import type { GraphQLRequest, GraphQLResult, InsightsTransport } from '../client/insightsClient';
import { remainingPages, type Paged } from './pages';
import type { Pager } from './target';

const NOW = Date.UTC(2026, 10, 25, 12);

interface ServerOptions {
  /** Rows the server has. */
  rows: number;
  /** The total it claims (default: rows); null to send none. */
  total?: number | null;
  /** The most rows it serves per page. */
  cap?: number;
  /** Milliseconds before the page at this offset answers (default 5). */
  delay?: (offset: number) => number;
}

/** A paginated list endpoint: rows `r<i>`, pages cut at `cap`, each answered after a delay. */
class PagedServer implements InsightsTransport {
  readonly asked: Array<{ offset: number; limit: number }> = [];
  cancelled = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly o: ServerOptions) {}

  page(offset: number, limit: number): unknown {
    const n = Math.max(0, Math.min(limit, this.o.cap ?? Infinity, this.o.rows - offset));
    const rows = Array.from({ length: n }, (_, i) => `r${offset + i}`);
    const total = this.o.total === undefined ? this.o.rows : this.o.total;
    return { list: { rows, ...(total === null ? {} : { total }) }, other: 'kept' };
  }

  request<T>(request: GraphQLRequest): Observable<GraphQLResult<T>> {
    return new Observable<GraphQLResult<T>>((subscriber) => {
      const { offset, limit } = request.variables as { offset: number; limit: number };
      this.asked.push({ offset, limit });
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      let done = false;
      const timeout = setTimeout(
        () => {
          done = true;
          this.inFlight--;
          subscriber.next({
            data: this.page(offset, limit),
            errors: [{ message: `warning at ${offset}` }],
          } as GraphQLResult<T>);
          subscriber.complete();
        },
        this.o.delay?.(offset) ?? 5
      );
      return () => {
        if (!done) {
          this.inFlight--;
          this.cancelled++;
          clearTimeout(timeout);
        }
      };
    });
  }

  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    return lastValueFrom(this.request<T>(request));
  }
}

function pager(maxRows: number, asked = Math.min(maxRows, 1000)): Pager {
  return {
    spec: { rows: 'list.rows', total: 'list.total' },
    maxRows,
    asked,
    page: (offset, limit) => ({ query: 'query P($offset: Int, $limit: Int) { list }', variables: { offset, limit } }),
  };
}

async function run(server: PagedServer, p: Pager, deadline = NOW + 20_000, waitMs = 2_000): Promise<Paged> {
  const first = { data: server.page(0, p.asked), errors: [] };
  const out = lastValueFrom(remainingPages(server, p, first, deadline, 'A', () => Date.now()));
  await jest.advanceTimersByTimeAsync(waitMs);
  return out;
}

const rowsOf = (r: Paged) => (r.data as { list: { rows: string[] } }).list.rows;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `r${from + i}`);

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('remainingPages: which pages follow', () => {
  it('fetches nothing more when the first page holds every row', async () => {
    const server = new PagedServer({ rows: 30 });
    const r = await run(server, pager(1000));
    expect(server.asked).toEqual([]);
    expect(r).toEqual({ data: server.page(0, 1000), errors: [], pages: 1, notice: undefined });
  });

  it("follows a server that caps its pages with that page size, up to the total, keeping the answer's other fields", async () => {
    const server = new PagedServer({ rows: 450, cap: 100 });
    const r = await run(server, pager(1000));
    expect(server.asked).toEqual([
      { offset: 100, limit: 100 },
      { offset: 200, limit: 100 },
      { offset: 300, limit: 100 },
      { offset: 400, limit: 100 },
    ]);
    expect(rowsOf(r)).toEqual(range(0, 450));
    expect(r.data).toEqual({ list: { rows: range(0, 450), total: 450 }, other: 'kept' });
    expect(r.pages).toBe(5);
    expect(r.notice).toBeUndefined();
    expect(r.errors.map((e) => e.message)).toEqual([
      'warning at 100',
      'warning at 200',
      'warning at 300',
      'warning at 400',
    ]);
  });

  it('fetches pages of the page limit above it, the last one asking only what maxRows still wants', async () => {
    const server = new PagedServer({ rows: 5000 });
    const r = await run(server, pager(2500));
    expect(server.asked).toEqual([
      { offset: 1000, limit: 1000 },
      { offset: 2000, limit: 500 },
    ]);
    expect(rowsOf(r)).toEqual(range(0, 2500));
    expect(r.notice).toBe('Showing the first 2500 of 5000 rows: raise "Max rows" to see more.');
  });

  it('asks at most maxConcurrentPages (4) at a time', async () => {
    const server = new PagedServer({ rows: 900, cap: 100, delay: () => 50 });
    const r = await run(server, pager(1000));
    expect(server.asked).toHaveLength(8);
    expect(server.maxInFlight).toBe(4);
    expect(rowsOf(r)).toEqual(range(0, 900));
  });

  it('stops at maxPages for a one-row server claiming a huge total, and says so', async () => {
    const server = new PagedServer({ rows: 1_000_000_000, cap: 1 });
    const r = await run(server, pager(20_000));
    expect(server.asked).toHaveLength(19);
    expect(server.asked.map((a) => a.offset)).toEqual(range(1, 20).map((x) => Number(x.slice(1))));
    expect(server.asked.every((a) => a.limit === 1)).toBe(true);
    expect(rowsOf(r)).toEqual(range(0, 20));
    expect(r.pages).toBe(20);
    expect(r.notice).toBe(
      'Showing the first 20 of 1000000000 rows: the Insights API serves 1 row(s) per page and a panel fetches at most 20 pages per query.'
    );
  });
});

describe('remainingPages: without a usable total', () => {
  it('fetches full pages one after another and stops at a short page', async () => {
    const server = new PagedServer({ rows: 250, total: null });
    const r = await run(server, pager(1000, 100));
    expect(server.asked).toEqual([
      { offset: 100, limit: 100 },
      { offset: 200, limit: 100 },
    ]);
    expect(rowsOf(r)).toEqual(range(0, 250));
    expect(r.pages).toBe(3);
    expect(r.notice).toBeUndefined();
  });

  it('reads a total no larger than the first page as unusable', async () => {
    const server = new PagedServer({ rows: 150, total: 100 });
    const r = await run(server, pager(1000, 100));
    expect(server.asked).toEqual([{ offset: 100, limit: 100 }]);
    expect(rowsOf(r)).toEqual(range(0, 150));
    expect(r.notice).toBeUndefined();
  });

  it('stops at maxRows', async () => {
    const server = new PagedServer({ rows: 10_000, total: null });
    const r = await run(server, pager(300, 100));
    expect(server.asked.map((a) => a.offset)).toEqual([100, 200]);
    expect(rowsOf(r)).toEqual(range(0, 300));
  });
});

describe('remainingPages: the time budget', () => {
  it('starts no page after a deadline already past, and says rows were left out', async () => {
    const server = new PagedServer({ rows: 450, cap: 100 });
    const r = await run(server, pager(1000), NOW - 1);
    expect(server.asked).toEqual([]);
    expect(rowsOf(r)).toEqual(range(0, 100));
    expect(r.pages).toBe(1);
    expect(r.notice).toBe('Showing the first 100 rows: the panel stopped fetching pages after 20 s.');
  });

  it('keeps rows in page order up to the first page that did not arrive in time', async () => {
    // Pages at 100, 300 and 400 answer at once; the one at 200 only after the deadline.
    const server = new PagedServer({ rows: 500, cap: 100, delay: (offset) => (offset === 200 ? 10_000 : 5) });
    const r = await run(server, pager(1000), NOW + 50, 100);
    expect(server.asked.map((a) => a.offset)).toEqual([100, 200, 300, 400]);
    expect(server.cancelled).toBe(1);
    expect(rowsOf(r)).toEqual(range(0, 200));
    expect(r.pages).toBe(2);
    expect(r.notice).toBe('Showing the first 200 rows: the panel stopped fetching pages after 20 s.');
  });

  it('says the time budget first when the page budget was cut too', async () => {
    const server = new PagedServer({ rows: 1_000_000, cap: 1, delay: (offset) => (offset > 2 ? 10_000 : 1) });
    const r = await run(server, pager(20_000), NOW + 50, 100);
    expect(rowsOf(r)).toEqual(range(0, 3));
    expect(r.notice).toBe('Showing the first 3 rows: the panel stopped fetching pages after 20 s.');
  });
});

describe('remainingPages: rows beyond maxRows', () => {
  it('says rowsCut with the total when the total is known', async () => {
    const server = new PagedServer({ rows: 80 });
    const r = await run(server, pager(50));
    expect(server.asked).toEqual([]);
    expect(rowsOf(r)).toEqual(range(0, 50));
    expect(r.notice).toBe('Showing the first 50 of 80 rows: raise "Max rows" to see more.');
  });

  it('says rowsCutUnknownTotal when the total is below the rows seen, and cuts at maxRows', async () => {
    const server = new PagedServer({ rows: 60, total: 10 });
    const p = pager(50);
    const first = { data: server.page(0, 60), errors: [] };
    const out = lastValueFrom(remainingPages(server, p, first, NOW + 20_000, 'A', () => Date.now()));
    await jest.advanceTimersByTimeAsync(10);
    const r = await out;
    expect(server.asked).toEqual([]);
    expect(rowsOf(r)).toEqual(range(0, 50));
    expect(r.notice).toBe('Showing the first 50 of more than 50 rows: raise "Max rows" to see more.');
  });
});

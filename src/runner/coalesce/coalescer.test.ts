// jsdom (the default): sendBatch loads the client, which loads @grafana/runtime, which reads window.
import { Kind, parse, valueFromASTUntyped, type FieldNode } from 'graphql';
import { lastValueFrom, Observable, type Subscription } from 'rxjs';

import { InsightsError } from '../../client/errors';
import type { GraphQLRequest, GraphQLResult, InsightsTransport } from '../../client/insightsClient';
import { DocumentMerger } from '../batch/documentMerger';
import { Coalescer, DEFAULT_COALESCER, topLevelFields, type CoalescerOptions } from './coalescer';

/**
 * A GraphQL server in miniature: answers every top-level field with its name and arguments
 * (variables resolved), after `delayMs`. A field named `broken` makes the whole document invalid
 * (as one bad hand-written query makes a merged one), a field named `failing` fails alone (null
 * with an error at its path). Records what was posted and what was cancelled.
 */
class FakeServer implements InsightsTransport {
  readonly posts: GraphQLRequest[] = [];
  cancelled = 0;

  constructor(private readonly delayMs = 0) {}

  request<T>(request: GraphQLRequest): Observable<GraphQLResult<T>> {
    return new Observable<GraphQLResult<T>>((subscriber) => {
      this.posts.push(request);
      let done = false;
      const timeout = setTimeout(() => {
        done = true;
        try {
          subscriber.next(this.answer(request) as GraphQLResult<T>);
          subscriber.complete();
        } catch (e) {
          subscriber.error(e);
        }
      }, this.delayMs);
      return () => {
        if (!done) {
          this.cancelled++;
          clearTimeout(timeout);
        }
      };
    });
  }

  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    return lastValueFrom(this.request<T>(request));
  }

  private answer(request: GraphQLRequest): GraphQLResult<Record<string, unknown>> {
    const op = parse(request.query).definitions[0];
    if (op.kind !== Kind.OPERATION_DEFINITION) {
      throw new Error('fake server: one operation expected');
    }
    const fields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    if (fields.some((f) => f.name.value === 'broken')) {
      throw new InsightsError('graphql', 'Insights API error: Cannot query field "broken" on type "Query".');
    }
    const data: Record<string, unknown> = {};
    const errors: GraphQLResult<unknown>['errors'] = [];
    for (const f of fields) {
      const key = f.alias?.value ?? f.name.value;
      if (f.name.value === 'failing') {
        data[key] = null;
        errors.push({ message: 'failing failed', path: [key] });
        continue;
      }
      const args = Object.fromEntries(
        (f.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, request.variables)])
      );
      data[key] = { field: f.name.value, args };
    }
    return { data, errors };
  }
}

const req = (field: string, n: number, extra = ''): GraphQLRequest => ({
  query: `query Q_${field}($n: Int) { ${field}(n: $n) ${extra} }`,
  variables: { n },
  operationName: `Q_${field}`,
});

const merger = () => Promise.resolve(new DocumentMerger());

interface Seen {
  results: unknown[];
  errors: unknown[];
  completed: boolean;
}

function watch(c: Coalescer, r: GraphQLRequest): { seen: Seen; sub: Subscription } {
  const seen: Seen = { results: [], errors: [], completed: false };
  const sub = c.request(r).subscribe({
    next: (v) => seen.results.push(v),
    error: (e: unknown) => seen.errors.push(e),
    complete: () => (seen.completed = true),
  });
  return { seen, sub };
}

const opts = (over: Partial<CoalescerOptions> = {}): CoalescerOptions => ({ ...DEFAULT_COALESCER, ...over });

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('Coalescer: one POST per window', () => {
  it('sends requests started within the window as one merged document, each answered with its own part', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts({ windowMs: 15 }));
    const a = watch(c, req('getTopPlatforms', 1));
    await jest.advanceTimersByTimeAsync(10);
    const b = watch(c, req('getTopUserAgents', 2));
    expect(server.posts).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(10);
    expect(server.posts).toHaveLength(1);
    expect(c.posts).toBe(1);
    expect(server.posts[0].operationName).toBe('Batch_Q_getTopPlatforms_Q_getTopUserAgents');
    expect(server.posts[0].variables).toEqual({ t0_n: 1, t1_n: 2 });
    expect(a.seen).toEqual({
      results: [{ data: { getTopPlatforms: { field: 'getTopPlatforms', args: { n: 1 } } }, errors: [] }],
      errors: [],
      completed: true,
    });
    expect(b.seen).toEqual({
      results: [{ data: { getTopUserAgents: { field: 'getTopUserAgents', args: { n: 2 } } }, errors: [] }],
      errors: [],
      completed: true,
    });
  });

  it('sends requests of different windows apart', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts({ windowMs: 15 }));
    watch(c, req('a', 1));
    await jest.advanceTimersByTimeAsync(20);
    watch(c, req('b', 2));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts.map((p) => p.query)).toEqual([req('a', 1).query, req('b', 2).query]);
    expect(c.posts).toBe(2);
  });

  it('sends identical requests once and answers each subscriber', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    const a = watch(c, req('a', 1));
    const b = watch(c, req('a', 1));
    const other = watch(c, req('a', 2));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0].variables).toEqual({ t0_n: 1, t1_n: 2 });
    expect(a.seen.results).toEqual([{ data: { a: { field: 'a', args: { n: 1 } } }, errors: [] }]);
    expect(b.seen.results).toEqual(a.seen.results);
    expect(other.seen.results).toEqual([{ data: { a: { field: 'a', args: { n: 2 } } }, errors: [] }]);
  });

  it('sends a lone request as it is', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    const a = watch(c, req('a', 1));
    watch(c, req('a', 1));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts).toEqual([req('a', 1)]);
    expect(a.seen.completed).toBe(true);
  });
});

describe('Coalescer: subscribers that leave', () => {
  it('does not send a request whose subscriber left before the window closed', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts({ windowMs: 15 }));
    const a = watch(c, req('a', 1));
    const b = watch(c, req('b', 2));
    await jest.advanceTimersByTimeAsync(5);
    a.sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts).toEqual([req('b', 2)]);
    expect(a.seen.results).toEqual([]);
    expect(b.seen.completed).toBe(true);
  });

  it('sends nothing when every subscriber left', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    watch(c, req('a', 1)).sub.unsubscribe();
    watch(c, req('b', 1)).sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(50);
    expect(server.posts).toEqual([]);
    expect(c.posts).toBe(0);
  });

  it('sends an identical request while one of its subscribers stays', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    watch(c, req('a', 1)).sub.unsubscribe();
    const b = watch(c, req('a', 1));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts).toEqual([req('a', 1)]);
    expect(b.seen.completed).toBe(true);
  });

  it('after the POST started, one leaving does not cancel it for the others', async () => {
    const server = new FakeServer(100);
    const c = new Coalescer(server, merger, opts({ windowMs: 15 }));
    const a = watch(c, req('a', 1));
    const b = watch(c, req('b', 2));
    await jest.advanceTimersByTimeAsync(50);
    expect(server.posts).toHaveLength(1);
    a.sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(100);
    expect(server.cancelled).toBe(0);
    expect(a.seen.results).toEqual([]);
    expect(b.seen.results).toEqual([{ data: { b: { field: 'b', args: { n: 2 } } }, errors: [] }]);
  });

  it('after the POST started, everyone leaving cancels it', async () => {
    const server = new FakeServer(100);
    const c = new Coalescer(server, merger, opts({ windowMs: 15 }));
    const a = watch(c, req('a', 1));
    const b = watch(c, req('b', 2));
    const b2 = watch(c, req('b', 2));
    await jest.advanceTimersByTimeAsync(50);
    a.sub.unsubscribe();
    b.sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(10);
    expect(server.cancelled).toBe(0);
    b2.sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(10);
    expect(server.cancelled).toBe(1);
    await jest.advanceTimersByTimeAsync(200);
    expect([a.seen, b.seen, b2.seen].map((s) => s.results.length + s.errors.length)).toEqual([0, 0, 0]);
  });
});

describe('Coalescer: caps', () => {
  it('splits a window at the field cap, in arrival order', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts({ maxFields: 3 }));
    const seen = [
      watch(c, req('a', 1)),
      watch(c, req('b', 2, 'second: b(n: 3)')),
      watch(c, req('c', 4)),
      watch(c, req('d', 5)),
    ].map((w) => w.seen);
    await jest.advanceTimersByTimeAsync(20);
    // a (1 field) + b (2 fields) = 3; c + d = 2.
    expect(server.posts.map((p) => p.operationName)).toEqual(['Batch_Q_a_Q_b', 'Batch_Q_c_Q_d']);
    expect(c.posts).toBe(2);
    expect(seen[1].results).toEqual([
      { data: { b: { field: 'b', args: { n: 2 } }, second: { field: 'b', args: { n: 3 } } }, errors: [] },
    ]);
    expect(seen.every((s) => s.completed)).toBe(true);
  });

  it('splits a window at the document size cap', async () => {
    const server = new FakeServer();
    const size = req('a', 1).query.length;
    const c = new Coalescer(server, merger, opts({ maxDocumentChars: size * 2 }));
    ['a', 'b', 'c'].forEach((f, i) => watch(c, req(f, i)));
    await jest.advanceTimersByTimeAsync(20);
    // The lone request goes at once, the merged pair once graphql-js is loaded: order them.
    expect(server.posts.map((p) => p.operationName).sort()).toEqual(['Batch_Q_a_Q_b', 'Q_c']);
  });

  it('sends a request larger than the cap on its own', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts({ maxFields: 1 }));
    watch(c, req('a', 1, 'x: a(n: 2) y: a(n: 3)'));
    watch(c, req('b', 2));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts.map((p) => p.operationName)).toEqual(['Q_a', 'Q_b']);
  });
});

describe('Coalescer: errors stay with their request', () => {
  it('retries each request alone when the server rejects the merged document, then errors per request', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    const good = watch(c, req('a', 1));
    const bad = watch(c, req('broken', 2));
    const other = watch(c, req('c', 3));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts.map((p) => p.operationName)).toEqual(['Batch_Q_a_Q_broken_Q_c', 'Q_a', 'Q_broken', 'Q_c']);
    expect(c.posts).toBe(1);
    expect(good.seen.results).toEqual([{ data: { a: { field: 'a', args: { n: 1 } } }, errors: [] }]);
    expect(other.seen.results).toEqual([{ data: { c: { field: 'c', args: { n: 3 } } }, errors: [] }]);
    expect(bad.seen.results).toEqual([]);
    expect(bad.seen.errors).toHaveLength(1);
    expect((bad.seen.errors[0] as InsightsError).kind).toBe('graphql');
    expect((bad.seen.errors[0] as InsightsError).message).toBe(
      'Insights API error: Cannot query field "broken" on type "Query".'
    );
  });

  it('gives a field that failed inside the merged answer to its request only', async () => {
    const server = new FakeServer();
    const c = new Coalescer(server, merger, opts());
    const good = watch(c, req('a', 1));
    const failing = watch(c, req('failing', 2));
    await jest.advanceTimersByTimeAsync(20);
    expect(server.posts).toHaveLength(1);
    expect(good.seen.results).toEqual([{ data: { a: { field: 'a', args: { n: 1 } } }, errors: [] }]);
    expect((failing.seen.errors[0] as Error).message).toBe('Insights API error: failing failed (at failing)');
  });

  it('gives every request of the POST a transport failure', async () => {
    const failure = new InsightsError('server', 'The Insights API failed (HTTP 500).');
    const server: InsightsTransport = {
      request: <T>() =>
        new Observable<GraphQLResult<T>>((s) => {
          setTimeout(() => s.error(failure), 0);
        }),
      execute: () => Promise.reject(failure),
    };
    const c = new Coalescer(server, merger, opts());
    const a = watch(c, req('a', 1));
    const b = watch(c, req('b', 1));
    await jest.advanceTimersByTimeAsync(20);
    expect(a.seen.errors).toEqual([failure]);
    expect(b.seen.errors).toEqual([failure]);
  });
});

describe('topLevelFields', () => {
  it.each<[string, number]>([
    ['query A { a }', 1],
    ['query A { a b c }', 3],
    ['query A($v: Int) { a(x: $v, y: { z: 1 }) { nested deeper { more } } b }', 2],
    ['query A { first: a(n: 1) second: a(n: 2) }', 2],
    ['query A { alias : a }', 1],
    ['{ a b }', 2],
    ['query A { a(s: "} { b c") d }', 2],
    ['query A { a(s: "x\\" } y") b }', 2],
    ['query A { a(s: "(") b }', 2],
    ['query A { }', 1],
    ['', 1],
  ])('%j has %d', (doc, n) => {
    expect(topLevelFields(doc)).toBe(n);
  });
});

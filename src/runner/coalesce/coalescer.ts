import { defer, lastValueFrom, Observable, share, timer, type Subscriber } from 'rxjs';

import type { GraphQLRequest, GraphQLResult, InsightsTransport, RequestOptions } from '../../client/insightsClient';
import type { DocumentMerger } from '../batch/documentMerger';
import { sendBatch, type Outcome } from '../batch/sendBatch';

export interface CoalescerOptions {
  /** How long after the first request of a window the window is sent. */
  windowMs: number;
  /** Top-level fields per POST; a larger window is split. */
  maxFields: number;
  /** Document characters per POST; a larger window is split. */
  maxDocumentChars: number;
}

export const DEFAULT_COALESCER: CoalescerOptions = { windowMs: 15, maxFields: 64, maxDocumentChars: 128_000 };

/** One distinct request of a window and the subscribers waiting for it. */
interface Member {
  request: GraphQLRequest;
  key: string;
  fields: number;
  waiters: Set<Subscriber<GraphQLResult<unknown>>>;
}

/**
 * The top-level fields of a query document (an alias and its field count once), for the field
 * cap, without parsing: graphql-js parses for real when the window is merged.
 */
export function topLevelFields(document: string): number {
  let depth = 0;
  let count = 0;
  let inName = false;
  let afterColon = false;
  for (let i = document.indexOf('{') + 1; i > 0 && i < document.length; i++) {
    const c = document[i];
    if (c === '"') {
      // Skip a string literal (it may hold braces).
      for (i++; i < document.length && document[i] !== '"'; i++) {
        if (document[i] === '\\') {
          i++;
        }
      }
    } else if (c === '{' || c === '(') {
      depth++;
    } else if (c === '}' || c === ')') {
      if (depth === 0) {
        break;
      }
      depth--;
    } else if (depth === 0) {
      const nameChar = /[_0-9A-Za-z]/.test(c);
      if (nameChar && !inName) {
        count += afterColon ? 0 : 1;
        afterColon = false;
      } else if (!nameChar && c === ':') {
        afterColon = true;
      }
      inName = nameChar;
    }
  }
  return Math.max(1, count);
}

/**
 * Makes the requests that different panels start in the same moment (load, refresh, a time or
 * variable change) travel as one GraphQL document: requests arriving within `windowMs` of the
 * window's first are merged (identical ones once), split by the field and size caps, sent, and
 * each answered with its own part. A subscriber that leaves before the window is sent drops out
 * of it; one that leaves later only stops listening, and a POST nobody waits for is cancelled.
 * Errors stay with the request that caused them (see sendBatch).
 */
export class Coalescer implements InsightsTransport {
  private window?: Map<string, Member>;
  /** POSTs sent, for tests and the bench. */
  posts = 0;

  constructor(
    private readonly transport: InsightsTransport,
    private readonly merger: () => Promise<DocumentMerger>,
    private readonly options: CoalescerOptions = DEFAULT_COALESCER
  ) {}

  request<T>(request: GraphQLRequest, _options: RequestOptions = {}): Observable<GraphQLResult<T>> {
    return new Observable<GraphQLResult<T>>((subscriber) => {
      const window = this.open();
      const key = JSON.stringify([request.query, request.variables ?? {}]);
      let member = window.get(key);
      if (!member) {
        member = { request, key, fields: topLevelFields(request.query), waiters: new Set() };
        window.set(key, member);
      }
      const waiter = subscriber as unknown as Subscriber<GraphQLResult<unknown>>;
      member.waiters.add(waiter);
      const joined = member;
      return () => {
        joined.waiters.delete(waiter);
      };
    });
  }

  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    return lastValueFrom(this.request<T>(request));
  }

  private open(): Map<string, Member> {
    if (!this.window) {
      const window = new Map<string, Member>();
      this.window = window;
      setTimeout(() => {
        if (this.window === window) {
          this.window = undefined;
        }
        this.flush(window);
      }, this.options.windowMs);
    }
    return this.window;
  }

  /** Splits a window's members into POSTs within the caps, in arrival order. */
  private chunks(members: Member[]): Member[][] {
    const out: Member[][] = [];
    let current: Member[] = [];
    let fields = 0;
    let chars = 0;
    for (const m of members) {
      const size = m.request.query.length;
      if (
        current.length &&
        (fields + m.fields > this.options.maxFields || chars + size > this.options.maxDocumentChars)
      ) {
        out.push(current);
        current = [];
        fields = 0;
        chars = 0;
      }
      current.push(m);
      fields += m.fields;
      chars += size;
    }
    if (current.length) {
      out.push(current);
    }
    return out;
  }

  private flush(window: Map<string, Member>): void {
    // Subscribers that left before the window closed (a superseded panel run) drop out of it.
    const members = [...window.values()].filter((m) => m.waiters.size > 0);
    for (const chunk of this.chunks(members)) {
      this.posts++;
      const sent = defer(() =>
        sendBatch(
          this.transport,
          this.merger,
          chunk.map((m) => m.request)
        )
      ).pipe(share({ resetOnRefCountZero: () => timer(0) }));
      chunk.forEach((m, i) => {
        for (const waiter of [...m.waiters]) {
          const sub = sent.subscribe({
            next: (outcomes: Outcome[]) => {
              const o = outcomes[i];
              if ('error' in o) {
                waiter.error(o.error);
              } else {
                waiter.next(o.result);
                waiter.complete();
              }
            },
            error: (e: unknown) => waiter.error(e),
          });
          // The waiter leaving unsubscribes its share; the POST stops when none is left.
          waiter.add(() => sub.unsubscribe());
        }
      });
    }
  }
}

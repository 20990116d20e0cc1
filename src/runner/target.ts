import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import type { GraphQLErrorItem, GraphQLRequest } from '../client/insightsClient';
import type { PaginationSpec } from '../catalog/format';

/** How a paginated target asks for more rows after its first answer. */
export interface Pager {
  spec: PaginationSpec;
  maxRows: number;
  /** Rows the first request asked for. */
  asked: number;
  page(offset: number, limit: number): GraphQLRequest;
}

/** One target, ready to send: its first requests, and how their answers become frames. */
export interface PreparedTarget {
  refId: string;
  /** Usually one; an incremental refresh sends the newest buckets (and the first) instead. */
  requests: GraphQLRequest[];
  notices: QueryResultMetaNotice[];
  pager?: Pager;
  /** Settles when what the frames need besides the answer (API names) has arrived. */
  ready?: Promise<unknown>;
  /**
   * Frames (with meta) from the answers' data, one per request of `requests` in order (the
   * pages of a paginated target already merged into the first).
   */
  frames(
    datas: unknown[],
    extra: { errors: GraphQLErrorItem[]; pages: number; notices: QueryResultMetaNotice[] }
  ): DataFrame[];
}

/** A target that cannot run (or needs no request), with what the panel shows instead. */
export interface FailedTarget {
  refId: string;
  error: string;
  status?: number;
}

/** A target answered without a request (e.g. a GraphQL query with no text yet). */
export interface AnsweredTarget {
  refId: string;
  answered: DataFrame[];
}

export type PlannedTarget = PreparedTarget | FailedTarget | AnsweredTarget;

export function isPrepared(t: PlannedTarget): t is PreparedTarget {
  return 'requests' in t;
}

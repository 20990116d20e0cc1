import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import type { ApiNameMap } from '../metadata/apiDisplayName';
import type { FrameShape } from '../frames/meta';
import type { ConcreteGranularity } from '../time/granularity';
import type { TimeFilter } from '../time/timeFilter';
import type { ChoreoQuery } from '../types';

/** The API's `DataFilter` input: the scope of every metric query. */
export interface DataFilter {
  orgId: string;
  tenant: string;
  environmentId?: string;
  projectId?: string;
}

/** One GraphQL request, ready to send (or to alias into a batched one later). */
export interface BuiltQuery {
  operationName: string;
  document: string;
  variables: Record<string, unknown>;
}

/** A page window for paginated queries. */
export interface Page {
  offset: number;
  limit: number;
}

/** Everything a handler needs, resolved once per target by the runner. */
export interface QueryContext {
  refId: string;
  timeFilter: TimeFilter;
  fromMs: number;
  toMs: number;
  granularity: ConcreteGranularity;
  dataFilter: DataFilter;
  environmentId: string;
  /** Interpolated API ids; undefined means all APIs (no filter). */
  apiIds?: string[];
  /** Interpolated application ids; undefined means all. */
  appIds?: string[];
  /** Display names of the environment's APIs (empty when the handler does not need them). */
  apiNames: ApiNameMap;
  /** Set for paginated queries. */
  page?: Page;
  /** Warnings for the panel (handlers push while building frames). */
  notices: QueryResultMetaNotice[];
}

/** How a query type accepts an API or application filter: the API's inputs differ per view. */
export type FilterArity = 'none' | 'one' | 'many' | 'required';

/** Reads a paginated response: its rows and the server's total. */
export interface Paginator<TData> {
  rows(data: TData): unknown[];
  total(data: TData): number;
  /** The first page's response with `rows` (all pages fetched) in place of its own. */
  withRows(data: TData, rows: unknown[]): TData;
}

export interface QueryHandler<TData> {
  shape: FrameShape | ((query: ChoreoQuery) => FrameShape);
  apiFilter: FilterArity;
  appFilter: FilterArity;
  /** Whether toFrames needs API display names (costs one cached listAllAPI per environment). */
  needsApiNames?: boolean;
  /** False for lists that are not scoped to an environment (organizations, environments). */
  needsEnvironment?: (query: ChoreoQuery) => boolean;
  /** A message for the panel when the query cannot run as written. */
  validate?: (query: ChoreoQuery, ctx: QueryContext) => string | undefined;
  build: (query: ChoreoQuery, ctx: QueryContext) => BuiltQuery;
  paginator?: Paginator<TData>;
  toFrames: (data: TData, query: ChoreoQuery, ctx: QueryContext) => DataFrame[];
}

/**
 * Registers a handler under the registry's common type. The data a handler reads comes off the
 * network, so its TData is the shape its own document asks for; the cast only forgets that
 * pairing for the registry, and every handler still guards against nulls in the data.
 */
export function defineHandler<TData>(h: QueryHandler<TData>): QueryHandler<unknown> {
  return h as unknown as QueryHandler<unknown>;
}

export function shapeOf(h: QueryHandler<unknown>, query: ChoreoQuery): FrameShape {
  return typeof h.shape === 'function' ? h.shape(query) : h.shape;
}

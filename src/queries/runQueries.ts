import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';

import type { ChoreoQuery } from '../types';
import type { QueryDeps } from './queryDeps';

/** Runs a panel's targets. Owned by the builder-queries work; this is the wiring point. */
export async function runQueries(_request: DataQueryRequest<ChoreoQuery>, _deps: QueryDeps): Promise<DataQueryResponse> {
  return { data: [] };
}

import type { GraphQLRequest } from '../client/insightsClient';
import { document, operationName } from './catalog';
import { evaluate, type Context } from './expressions';
import type { RequestSpec } from './format';

/**
 * What a request's variables are built from (catalog/README.md, "Request context"): the
 * resolved scope, time range and granularity, the page, and the query's normalised options.
 */
export interface RequestContext extends Context {
  timeFilter: { from: string; to: string };
  dataFilter: { orgId: string; tenant: string; environmentId?: string; projectId?: string };
  orgId: string;
  tenant: string;
  environmentId?: string;
  projectId?: string;
  granularity: string;
  apiIds?: string[];
  apiId?: string;
  appIds?: string[];
  appId?: string;
  page?: { offset: number; limit: number };
  options: Record<string, unknown>;
}

/** The document and variables a catalog request spec sends in this context. */
export function buildRequest(spec: RequestSpec, ctx: RequestContext): GraphQLRequest {
  const query = document(spec.document);
  const variables = evaluate(spec.variables, ctx);
  return {
    query,
    variables:
      variables && typeof variables === 'object' && !Array.isArray(variables)
        ? (variables as Record<string, unknown>)
        : {},
    operationName: operationName(query),
  };
}

/**
 * What the GraphQL editor shows when a query has no document yet: a query that runs as it is
 * (its DataFilter and TimeFilter variables are filled from the data source settings and the
 * time range) and says how the editor helps.
 */
import type { GraphQLQueryOptions } from '../../types';

export interface GraphQLDocumentSeed {
  query: string;
  variables?: string;
  /** Response mapping to go with the document (data path, label fields, ...). */
  mapping?: Omit<Partial<GraphQLQueryOptions>, 'query' | 'variables'>;
}

export const STARTER_DOCUMENT: GraphQLDocumentSeed = {
  query: `# Requests per API over the dashboard's time range.
# $dataFilter (organization, tenant, environment) and $timeFilter (the time picker) are filled in
# for you. Ctrl+Space completes fields, arguments and enum values; hover a name for its docs.
query ApiUsage($timeFilter: TimeFilter!, $dataFilter: DataFilter!) {
  getAPIUsageOverTime(timeFilter: $timeFilter, dataFilter: $dataFilter) {
    apiId
    usage {
      timeSpan
      count
    }
  }
}
`,
  variables: '{}',
  // One series per API.
  mapping: { labelFields: ['apiId'], displayName: '{{apiId}}' },
};

/** The document to start from: the caller's (e.g. a builder query opened as GraphQL), else the starter. */
export function seedDocument(initial?: GraphQLDocumentSeed): GraphQLDocumentSeed {
  return initial?.query.trim() ? initial : STARTER_DOCUMENT;
}

/**
 * What the GraphQL editor shows when a query has no document yet: a query that runs as it is
 * (its DataFilter and TimeFilter variables are filled from the data source settings and the
 * time range) and says how the editor helps.
 */
export interface GraphQLDocumentSeed {
  query: string;
  variables?: string;
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
};

/** The document to start from: the caller's (e.g. a builder query opened as GraphQL), else the starter. */
export function seedDocument(initial?: GraphQLDocumentSeed): GraphQLDocumentSeed {
  return initial?.query.trim() ? initial : STARTER_DOCUMENT;
}

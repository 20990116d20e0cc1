import type { GraphQLRequest } from '../client/insightsClient';

/** What the Query inspector shows for a target: its own document and variables, as sent. */
export function executedQueryString(request: GraphQLRequest, pages = 1): string {
  const more = pages > 1 ? `\n# ${pages} pages fetched; variables of the first page` : '';
  return `${request.query.trim()}\n\n# variables${more}\n${JSON.stringify(request.variables ?? {}, null, 2)}`;
}

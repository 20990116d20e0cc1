import type { GraphQLRequest } from '../client/insightsClient';
import { redact } from '../client/redact';

/** What the Query inspector shows for a target: its own document and variables, as sent. */
export function executedQueryString(request: GraphQLRequest, pages = 1): string {
  const more = pages > 1 ? `\n# ${pages} pages fetched; variables of the first page` : '';
  return redact(`${request.query.trim()}\n\n# variables${more}\n${JSON.stringify(request.variables ?? {}, null, 2)}`);
}

/** Request counters, readable by tests and via GET /__emulator/stats. */
export interface Stats {
  /** POSTs to /oauth2/token. */
  tokenRequests: number;
  /** Access tokens issued. */
  tokensIssued: number;
  /** HTTP POSTs to the query API path (including rejected and faulted ones). */
  graphqlRequests: number;
  /** Top-level Query fields resolved (a batched document of 5 aliased fields counts 5). */
  graphqlOperations: number;
  /** Query API requests refused for authentication or authorisation (401/403). */
  rejectedAuth: number;
  /** Bytes of every query API response body sent (what a client downloads). */
  graphqlResponseBytes: number;
  /** Requests answered by an injected fault's status or body instead of the real answer. */
  faultedResponses: number;
}

export function emptyStats(): Stats {
  return {
    tokenRequests: 0,
    tokensIssued: 0,
    graphqlRequests: 0,
    graphqlOperations: 0,
    rejectedAuth: 0,
    graphqlResponseBytes: 0,
    faultedResponses: 0,
  };
}

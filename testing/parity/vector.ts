/**
 * The parity vectors' format (catalog/vectors/README.md): what a reader of the catalog is given,
 * what it must send, what it gets back, and the frames it must make of it.
 */

export interface VectorRequest {
  /** A catalog document file; the request sends its text exactly. */
  document: string;
  variables: Record<string, unknown>;
}

/**
 * The GraphQL answer's body. HTTP failures are not vectors: the browser sees them through
 * Grafana's proxy and the backend directly, so their texts differ by design.
 */
export interface VectorAnswer {
  body: { data?: unknown; errors?: unknown };
}

export interface Exchange {
  request: VectorRequest;
  answer: VectorAnswer;
}

export interface NeutralField {
  name: string;
  type: string;
  config: Record<string, unknown>;
  labels?: Record<string, string>;
  values: unknown[];
}

export interface NeutralFrame {
  refId?: string;
  name?: string;
  meta: Record<string, unknown>;
  fields: NeutralField[];
}

export interface Vector {
  description: string;
  settings: { orgUuid: string; tenant?: string; defaultEnvironmentId?: string };
  range: { from: string; to: string };
  /** The dashboard's time zone (IANA name or `utc`); absent: `utc`. */
  timezone?: string;
  intervalMs: number;
  maxDataPoints: number;
  query: Record<string, unknown> & { refId: string };
  exchanges: Exchange[];
  expect: { frames: NeutralFrame[] } | { error: string };
}

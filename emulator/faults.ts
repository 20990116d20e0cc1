import { mix, unit } from './hash';

/**
 * Fault injection, off by default. A fault applies to requests whose path starts with `onlyPath`
 * (default: every path except /__emulator/), and of those to a deterministic `failureRate`
 * fraction (default 1 = all), chosen by hashing `seed` with the request's sequence number.
 *
 * For a selected request:
 *  - `latencyMs` delays the answer (alone, it only slows requests down);
 *  - `status` (or its alias `failureStatus`) and/or `body` replace the answer entirely, with
 *    `contentType` (default: text/html when body starts with '<', else application/json) and a
 *    `Retry-After: retryAfterSeconds` header when set;
 *  - `graphqlError` (query API only) runs the query, then adds an error: a string gives
 *    `{data: null, errors: [...]}`, `{message, partialData: true}` keeps the data alongside.
 */
export interface Faults {
  latencyMs?: number;
  status?: number;
  failureStatus?: number;
  body?: string;
  contentType?: string;
  failureRate?: number;
  graphqlError?: string | { message: string; partialData?: boolean };
  retryAfterSeconds?: number;
  seed?: number;
  onlyPath?: string;
  /**
   * Query API only: answers with these values at these paths of `data` after running the query
   * (wrong shapes: `{"listEnvironments": "oops"}`). A path's first name matches a top-level field
   * by name or alias suffix (`t0_listEnvironments`), so it works in batched documents too.
   */
  patch?: Record<string, unknown>;
  /** Query API only: serve at most this many rows per page (a capping server). */
  maxPageSize?: number;
  /** Query API only: claim this pagination total whatever the real count (a lying server). */
  claimTotal?: number;
  /** Answer 400 with a body that echoes the request's Authorization header and no message. */
  echoAuthorization?: boolean;
}

const KEYS = new Set([
  'latencyMs',
  'status',
  'failureStatus',
  'body',
  'contentType',
  'failureRate',
  'graphqlError',
  'retryAfterSeconds',
  'seed',
  'onlyPath',
  'patch',
  'maxPageSize',
  'claimTotal',
  'echoAuthorization',
]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates untrusted JSON (from POST /__emulator/faults); throws with a readable message. */
export function parseFaults(input: unknown): Faults {
  if (!isRecord(input)) {
    throw new Error('faults must be a JSON object');
  }
  for (const k of Object.keys(input)) {
    if (!KEYS.has(k)) {
      throw new Error(`Unknown fault option '${k}'. Known: ${[...KEYS].join(', ')}`);
    }
  }
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = input[k];
    if (v === undefined || v === null) {
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new Error(`${k} must be a number between ${min} and ${max}`);
    }
    return v;
  };
  const str = (k: string): string | undefined => {
    const v = input[k];
    if (v === undefined || v === null) {
      return undefined;
    }
    if (typeof v !== 'string') {
      throw new Error(`${k} must be a string`);
    }
    return v;
  };
  let graphqlError: Faults['graphqlError'];
  const ge = input.graphqlError;
  if (typeof ge === 'string') {
    graphqlError = ge;
  } else if (isRecord(ge) && typeof ge.message === 'string') {
    graphqlError = { message: ge.message, partialData: ge.partialData === true };
  } else if (ge !== undefined && ge !== null) {
    throw new Error('graphqlError must be a string or {message, partialData?}');
  }
  const f: Faults = {
    latencyMs: num('latencyMs', 0, 120_000),
    status: num('status', 100, 599),
    failureStatus: num('failureStatus', 100, 599),
    body: str('body'),
    contentType: str('contentType'),
    failureRate: num('failureRate', 0, 1),
    graphqlError,
    retryAfterSeconds: num('retryAfterSeconds', 0, 86_400),
    seed: num('seed', -2147483648, 4294967295),
    onlyPath: str('onlyPath'),
    patch: patchOf(input.patch),
    maxPageSize: num('maxPageSize', 1, 1_000_000),
    claimTotal: num('claimTotal', 0, 1e15),
    echoAuthorization: input.echoAuthorization === undefined ? undefined : input.echoAuthorization === true,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

function patchOf(v: unknown): Record<string, unknown> | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  if (!isRecord(v)) {
    throw new Error('patch must be an object of data paths to JSON values');
  }
  return v;
}

export interface FaultDecision {
  latencyMs: number;
  patch?: Record<string, unknown>;
  maxPageSize?: number;
  claimTotal?: number;
  echoAuthorization?: boolean;
  /** A canned response replacing the real one. */
  response?: { status: number; body: string; contentType: string | null; headers: Record<string, string> };
  graphqlError?: { message: string; partialData: boolean };
}

const DEFAULT_BODIES: Record<number, string> = {
  401: JSON.stringify({ code: '900901', message: 'Invalid Credentials', description: 'Injected fault' }),
  429: JSON.stringify({
    code: '900800',
    message: 'Message throttled out',
    description: 'You have exceeded your quota',
    nextAccessTime: 'soon',
  }),
  500: JSON.stringify({ code: '101500', message: 'Runtime Error', description: 'Internal Server Error' }),
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** WSO2 API Manager's `nextAccessTime`, e.g. `2026-Nov-25 12:00:08+0000 UTC`. */
export function formatNextAccessTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${MONTHS[d.getUTCMonth()]}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+0000 UTC`;
}

function defaultBody(status: number, retryAfterSeconds: number | undefined): string {
  if (status === 429 && retryAfterSeconds !== undefined) {
    // Wall clock, not the emulator's injected one: the client compares it with its own clock,
    // and Grafana hides the Retry-After header from the browser, so this is the wait it reads.
    // Rounded up to the second so a client never reads a shorter wait than Retry-After.
    const body = JSON.parse(DEFAULT_BODIES[429]) as Record<string, string>;
    return JSON.stringify({
      ...body,
      nextAccessTime: formatNextAccessTime(Math.ceil((Date.now() + retryAfterSeconds * 1000) / 1000) * 1000),
    });
  }
  if (DEFAULT_BODIES[status]) {
    return DEFAULT_BODIES[status];
  }
  if (status >= 502 && status <= 504) {
    const text = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[status];
    return `<html><head><title>${status} ${text}</title></head><body><center><h1>${status} ${text}</h1></center><hr><center>nginx</center></body></html>`;
  }
  return JSON.stringify({ code: String(status), message: 'Injected fault' });
}

/** Decides what, if anything, to do to the `sequence`-th matching request. */
export function decide(f: Faults, path: string, sequence: number): FaultDecision | null {
  if (path.startsWith('/__emulator/') || (f.onlyPath !== undefined && !path.startsWith(f.onlyPath))) {
    return null;
  }
  const rate = f.failureRate ?? 1;
  if (rate < 1 && unit(mix(f.seed ?? 0), sequence) >= rate) {
    return null;
  }
  const decision: FaultDecision = {
    latencyMs: f.latencyMs ?? 0,
    patch: f.patch,
    maxPageSize: f.maxPageSize,
    claimTotal: f.claimTotal,
    echoAuthorization: f.echoAuthorization,
  };
  const status = f.status ?? f.failureStatus;
  if (status !== undefined || f.body !== undefined || f.retryAfterSeconds !== undefined) {
    // Retry-After alone means throttling.
    const s = status ?? (f.retryAfterSeconds !== undefined ? 429 : 500);
    const body = f.body ?? defaultBody(s, f.retryAfterSeconds);
    const headers: Record<string, string> = {};
    if (f.retryAfterSeconds !== undefined) {
      headers['Retry-After'] = String(f.retryAfterSeconds);
    }
    const contentType = f.contentType ?? (body.trimStart().startsWith('<') ? 'text/html' : 'application/json');
    decision.response = { status: s, body, contentType: body === '' && !f.contentType ? null : contentType, headers };
  } else if (f.graphqlError !== undefined) {
    decision.graphqlError =
      typeof f.graphqlError === 'string'
        ? { message: f.graphqlError, partialData: false }
        : { message: f.graphqlError.message, partialData: f.graphqlError.partialData === true };
  }
  return decision;
}

export function isEmpty(f: Faults): boolean {
  return Object.keys(f).length === 0;
}

/** Sets each patch path in `data` (see Faults.patch); paths that are not there are left alone. */
export function applyPatch(data: Record<string, unknown> | null, patch: Record<string, unknown>): void {
  if (!data) {
    return;
  }
  for (const [path, value] of Object.entries(patch)) {
    const [head, ...rest] = path.split('.');
    for (const key of Object.keys(data)) {
      if (key !== head && !key.endsWith(`_${head}`)) {
        continue;
      }
      if (!rest.length) {
        data[key] = value;
        continue;
      }
      let node: unknown = data[key];
      for (let i = 0; i < rest.length - 1 && node !== null && typeof node === 'object'; i++) {
        node = (node as Record<string, unknown>)[rest[i]];
      }
      if (node !== null && typeof node === 'object') {
        (node as Record<string, unknown>)[rest[rest.length - 1]] = value;
      }
    }
  }
}

import { ExecutionResult, GraphQLError, GraphQLSchema, Source, execute, parse, validate } from 'graphql';
import { IncomingMessage, ServerResponse } from 'http';
import { createContext } from './context';
import { applyPatch } from './faults';
import { REQUIRED_SCOPE } from './oauth';
import { QUERY_RESOLVERS } from './resolvers';
import { mediaType, readBody, sendJson } from './httpHelpers';
import { TokenState, TokenStore } from './tokens';

/**
 * The Insights gateway: bearer-token check with WSO2 API Manager's error bodies, then GraphQL.
 * Validation and resolver errors answer 200 with `errors` (graphql-js defaults), except an invalid
 * granularity, which the live API rejects with HTTP 400 (the body still carries a GraphQL error).
 */

export const API_PATH = '/93tu/insights/1.0.0/query-api';

const AUTH_DESCRIPTIONS: Record<Exclude<TokenState, 'valid'>, string> = {
  unknown: 'Invalid Credentials. Make sure you have provided the correct security credentials',
  expired: 'Access token expired',
  revoked: 'Access token has been revoked',
};

export interface GraphqlOptions {
  schema: GraphQLSchema;
  tokens: TokenStore;
  now: () => number;
  onOperation: () => void;
  maxPageSize?: number;
  /** Fault injection: a pagination total to claim. */
  claimTotal?: number;
  /** Ingestion delay (EmulatorOptions.lateDataMinutes), in ms. */
  lateMs?: number;
  onRejectedAuth: () => void;
  graphqlError?: { message: string; partialData: boolean };
  /** Fault injection: values to put at data paths of the answer. */
  patch?: Record<string, unknown>;
}

function rejectAuth(res: ServerResponse, opts: GraphqlOptions, code: string, message: string, description: string) {
  opts.onRejectedAuth();
  sendJson(
    res,
    401,
    { code, message, description },
    { 'WWW-Authenticate': `OAuth2 realm="Choreo", error="invalid_token", error_description="${description}"` }
  );
}

/** One shared rootValue: each top-level field calls its resolver with (args, context). */
function rootValue(): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(QUERY_RESOLVERS)) {
    root[name] = (args: Record<string, unknown>, ctx: ReturnType<typeof createContext>) => {
      ctx.onOperation();
      // graphql-js has validated and coerced args against the schema before calling us.
      return fn(args as never, ctx);
    };
  }
  return root;
}

const ROOT = rootValue();

/** Runs a document in-process (no HTTP, no auth); used to warm the JIT at start-up. */
export async function executeInProcess(
  schema: GraphQLSchema,
  orgUuid: string,
  now: number,
  query: string,
  variables: Record<string, unknown>
): Promise<ExecutionResult> {
  return execute({
    schema,
    document: parse(query),
    rootValue: ROOT,
    contextValue: createContext(orgUuid, now, () => undefined),
    variableValues: variables,
  });
}

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export async function handleGraphql(req: IncomingMessage, res: ServerResponse, opts: GraphqlOptions): Promise<void> {
  const header = req.headers.authorization;
  if (!header) {
    rejectAuth(
      res,
      opts,
      '900902',
      'Missing Credentials',
      "Invalid Credentials. Make sure your API invocation call has a header: 'Authorization : Bearer ***'"
    );
    return;
  }
  const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  if (!m) {
    rejectAuth(res, opts, '900901', 'Invalid Credentials', AUTH_DESCRIPTIONS.unknown);
    return;
  }
  const { state, record } = opts.tokens.check(m[1]);
  if (state !== 'valid' || !record) {
    rejectAuth(res, opts, '900901', 'Invalid Credentials', AUTH_DESCRIPTIONS[state === 'valid' ? 'unknown' : state]);
    return;
  }
  if (!record.scopes.includes(REQUIRED_SCOPE)) {
    opts.onRejectedAuth();
    sendJson(res, 403, {
      code: '900910',
      message: 'The access token does not allow you to access the requested resource',
      description: `User is NOT authorized to access the Resource. Scope validation failed: ${REQUIRED_SCOPE} is required`,
    });
    return;
  }
  if (mediaType(req) !== 'application/json') {
    sendJson(res, 415, { errors: [{ message: 'Content-Type must be application/json' }] });
    return;
  }
  let body: GraphqlBody;
  try {
    const parsed: unknown = JSON.parse((await readBody(req)).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('not an object');
    }
    body = parsed;
  } catch {
    sendJson(res, 400, { errors: [{ message: 'Malformed JSON request body' }] });
    return;
  }
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    sendJson(res, 400, { errors: [{ message: 'Must provide query string.' }] });
    return;
  }
  const variables = body.variables ?? undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    sendJson(res, 400, { errors: [{ message: 'Variables must be an object.' }] });
    return;
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let result: ExecutionResult;
  try {
    const document = parse(new Source(body.query, 'request'));
    const errors = validate(opts.schema, document);
    if (errors.length > 0) {
      sendJson(res, 200, { errors: errors.map((e) => e.toJSON()) });
      return;
    }
    result = await execute({
      schema: opts.schema,
      document,
      rootValue: ROOT,
      contextValue: createContext(record.orgUuid, opts.now(), opts.onOperation, {
        maxPageSize: opts.maxPageSize,
        claimTotal: opts.claimTotal,
        lateMs: opts.lateMs,
      }),
      variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined,
      operationName,
    });
  } catch (e) {
    if (e instanceof GraphQLError) {
      sendJson(res, 200, { errors: [e.toJSON()] });
      return;
    }
    throw e;
  }
  const errors = (result.errors ?? []).map((e) => e.toJSON());
  let data = result.data ?? null;
  if (opts.patch) {
    applyPatch(data as Record<string, unknown> | null, opts.patch);
  }
  if (opts.graphqlError) {
    errors.push({ message: opts.graphqlError.message, extensions: { code: 'INJECTED_FAULT' } });
    if (!opts.graphqlError.partialData) {
      data = null;
    }
  }
  const badGranularity = (result.errors ?? []).some((e) => e.extensions.code === 'INVALID_GRANULARITY');
  // Server-Timing lets benchmarks separate emulator time from client and network time.
  // CPU time stays meaningful on a loaded machine where wall time mostly measures the scheduler.
  const cpu = process.cpuUsage(cpuStarted);
  sendJson(res, badGranularity ? 400 : 200, errors.length > 0 ? { errors, data } : { data }, {
    'Server-Timing': `exec;dur=${(performance.now() - started).toFixed(1)}, cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}`,
  });
}

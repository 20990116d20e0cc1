import { IncomingMessage, ServerResponse } from 'http';
import { CLIENTS, ClientCredentials, findOrgByHandle } from './demo';
import { mediaType, readBody, sendJson } from './httpHelpers';
import { TokenStore } from './tokens';

/**
 * The STS: RFC 6749 client-credentials grant and RFC 7009 revocation, as Choreo's WSO2-based STS
 * answers them. Clients authenticate with HTTP Basic or client_secret_post (Grafana's tokenAuth
 * can only do the latter), never both at once.
 */

export const REQUIRED_SCOPE = 'apim:api_manage';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

class OAuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: OAuthError,
    readonly description: string
  ) {
    super(description);
  }
}

function fail(res: ServerResponse, f: OAuthFailure): void {
  const headers = f.status === 401 ? { 'WWW-Authenticate': 'Basic realm="Choreo STS"' } : {};
  sendJson(res, f.status, { error: f.error, error_description: f.description }, headers);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw new OAuthFailure(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  return new URLSearchParams((await readBody(req)).toString('utf8'));
}

/** RFC 6749 §2.3.1: credentials in the Basic header are form-urlencoded before base64. */
function basicCredentials(req: IncomingMessage): { id: string; secret: string } | null {
  const header = req.headers.authorization;
  if (!header || !/^basic /i.test(header)) {
    return null;
  }
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    throw new OAuthFailure(401, 'invalid_client', 'Malformed Basic authorization header');
  }
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { id: dec(decoded.slice(0, colon)), secret: dec(decoded.slice(colon + 1)) };
}

function authenticateClient(req: IncomingMessage, form: URLSearchParams): ClientCredentials {
  const basic = basicCredentials(req);
  const postId = form.get('client_id');
  const postSecret = form.get('client_secret');
  if (basic && postSecret !== null) {
    throw new OAuthFailure(
      400,
      'invalid_request',
      'Client authentication must use only one method (Basic header or client_secret_post)'
    );
  }
  const creds = basic ?? (postId !== null ? { id: postId, secret: postSecret ?? '' } : null);
  if (!creds) {
    throw new OAuthFailure(401, 'invalid_client', 'Client authentication failed: no client credentials were provided');
  }
  const client = CLIENTS.find((c) => c.consumerKey === creds.id);
  if (!client || client.consumerSecret !== creds.secret) {
    throw new OAuthFailure(401, 'invalid_client', `Client authentication failed for client_id: ${creds.id}`);
  }
  return client;
}

export interface TokenEndpointOptions {
  tokens: TokenStore;
  ttlSeconds: () => number;
  onIssued: () => void;
}

export async function handleToken(
  req: IncomingMessage,
  res: ServerResponse,
  opts: TokenEndpointOptions
): Promise<void> {
  try {
    const form = await readForm(req);
    const grant = form.get('grant_type');
    if (!grant) {
      throw new OAuthFailure(400, 'invalid_request', 'Missing grant_type parameter');
    }
    const client = authenticateClient(req, form);
    if (grant !== 'client_credentials') {
      throw new OAuthFailure(400, 'unsupported_grant_type', `Unsupported grant_type value: ${grant}`);
    }
    const handle = form.get('orgHandle');
    if (!handle) {
      throw new OAuthFailure(400, 'invalid_request', 'Missing orgHandle parameter');
    }
    // The STS looks the application up inside the organisation, so an unknown handle (or another
    // org's handle) means "no such client there" — 401 invalid_client, as WSO2 IS answers.
    const org = findOrgByHandle(handle);
    if (!org || org.uuid !== client.orgUuid) {
      throw new OAuthFailure(
        401,
        'invalid_client',
        `A valid OAuth client could not be found for client_id: ${client.consumerKey} in organization: ${handle}`
      );
    }
    const scopes = [...new Set((form.get('scope') ?? '').split(/\s+/).filter(Boolean))];
    if (!scopes.includes(REQUIRED_SCOPE)) {
      throw new OAuthFailure(400, 'invalid_scope', `The requested scope must include ${REQUIRED_SCOPE}`);
    }
    const ttl = opts.ttlSeconds();
    const rec = opts.tokens.issue(client.consumerKey, org.uuid, scopes, ttl);
    opts.onIssued();
    sendJson(res, 200, { access_token: rec.token, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') });
  } catch (e) {
    if (e instanceof OAuthFailure) {
      fail(res, e);
      return;
    }
    throw e;
  }
}

export async function handleRevoke(req: IncomingMessage, res: ServerResponse, tokens: TokenStore): Promise<void> {
  try {
    const form = await readForm(req);
    const client = authenticateClient(req, form);
    const token = form.get('token');
    if (!token) {
      throw new OAuthFailure(400, 'invalid_request', 'Missing token parameter');
    }
    // RFC 7009 §2.2: unknown or foreign tokens still get 200, so nothing leaks about them.
    tokens.revoke(token, client.consumerKey);
    res.writeHead(200, { 'Content-Length': 0, 'Access-Control-Allow-Origin': '*' });
    res.end();
  } catch (e) {
    if (e instanceof OAuthFailure) {
      fail(res, e);
      return;
    }
    throw e;
  }
}

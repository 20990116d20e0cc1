import { DEMO_CREDENTIALS, ENV_IDS, TENANT } from './demo';
import { Emulator } from './server';

/** Shared helpers for the emulator's own specs (not a spec itself). */

/** Friday 2024-03-15 12:00 UTC: every spec runs against this fixed clock. */
export const NOW = Date.UTC(2024, 2, 15, 12, 0, 0);

export const PROD_FILTER = {
  orgId: DEMO_CREDENTIALS.orgUuid,
  environmentId: ENV_IDS.production,
  tenant: TENANT,
};

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  });
}

export async function demoToken(
  emu: Emulator,
  creds: { consumerKey: string; consumerSecret: string; orgHandle: string } = DEMO_CREDENTIALS
): Promise<string> {
  const res = await postForm(emu.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: creds.consumerKey,
    client_secret: creds.consumerSecret,
    orgHandle: creds.orgHandle,
    scope: 'apim:api_manage',
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export interface GqlResponse {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  };
}

export async function gql(
  emu: Emulator,
  token: string,
  query: string,
  variables?: Record<string, unknown>
): Promise<GqlResponse> {
  const res = await fetch(emu.apiUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

/** Reads a typed value out of a GraphQL response (tests assert on shapes they asked for). */
export function pick<T>(r: GqlResponse, field: string): T {
  if (r.body.errors) {
    throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  }
  return (r.body.data ?? {})[field] as T;
}

export const iso = (ms: number) => new Date(ms).toISOString();

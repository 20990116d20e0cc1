import {
  dateTime,
  type DataFrame,
  type DataQueryRequest,
  type ScopedVars,
  type TypedVariableModel,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { GraphQLErrorItem, GraphQLRequest, InsightsClient } from '../../client/graphqlClient';
import { MetadataService } from '../../metadata/metadataService';
import { resolveSettings } from '../../settings/resolveSettings';
import type { ChoreoOptions } from '../../options';
import type { ChoreoQuery } from '../../types';
import type { QueryDeps } from '../queryDeps';

export const APIS = [
  { id: 'api-orders', name: 'Orders API', version: 'v1', provider: 'alice' },
  { id: 'api-pay', name: 'Payments', version: '2.0.0', provider: 'bob' },
];

type Answer = { data: unknown; errors?: GraphQLErrorItem[] } | Error;

/**
 * A client answering by operation name (with a function for pages), recording every request.
 * List queries for names are answered from APIS unless overridden.
 */
export function fakeClient(answers: Record<string, Answer | ((req: GraphQLRequest) => Answer)>) {
  const requests: GraphQLRequest[] = [];
  const all: Record<string, Answer | ((req: GraphQLRequest) => Answer)> = {
    ListApis: { data: { listAllAPI: APIS } },
    ListEnvironments: { data: { listEnvironments: [{ id: 'env-first', name: 'Development', type: 'CHOREO' }] } },
    ...answers,
  };
  const client = {
    execute: async (req: GraphQLRequest) => {
      requests.push(req);
      const a = all[req.operationName ?? ''];
      const answer = typeof a === 'function' ? a(req) : a;
      if (!answer) {
        throw new Error(`no fixture for ${req.operationName}`);
      }
      if (answer instanceof Error) {
        throw answer;
      }
      return { data: answer.data, errors: answer.errors ?? [] };
    },
  };
  // Only `execute` is used by the code under test.
  return { client: client as unknown as InsightsClient, requests };
}

/** Variables as Grafana's TemplateSrv sees them: name → current value (array = multi-value). */
export function fakeTemplateSrv(vars: Record<string, string | string[]> = {}): TemplateSrv {
  const lookup = (name: string, scoped?: ScopedVars) => (scoped?.[name] ? scoped[name]!.value : vars[name]);
  return {
    getVariables: () =>
      Object.entries(vars).map(
        ([name, value]) =>
          // Only name and current are read; the full model has dozens of fields.
          ({ name, current: { value, text: value } }) as unknown as TypedVariableModel
      ),
    replace: (target?: string, scoped?: ScopedVars, format?: string | Function) =>
      (target ?? '').replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (m, a: string, b: string) => {
        const value = lookup(a ?? b, scoped);
        if (value === undefined) {
          return m;
        }
        if (typeof format === 'function') {
          return format(value);
        }
        return Array.isArray(value) ? value.join(',') : String(value);
      }),
    containsTemplate: (t?: string) => !!t && t.includes('$'),
    updateTimeRange: () => {},
  };
}

export function fakeDeps(
  answers: Parameters<typeof fakeClient>[0],
  opts: { jsonData?: ChoreoOptions; vars?: Record<string, string | string[]> } = {}
): QueryDeps & { requests: GraphQLRequest[] } {
  const { client, requests } = fakeClient(answers);
  const settings = resolveSettings(opts.jsonData ?? { orgUuid: 'org-1', defaultEnvironmentId: 'env-1' });
  return {
    client,
    settings,
    templateSrv: fakeTemplateSrv(opts.vars),
    metadata: new MetadataService(client, settings),
    requests,
  };
}

export const FROM = Date.UTC(2024, 0, 1, 0, 0);
export const TO = Date.UTC(2024, 0, 1, 3, 0);

/** A panel request over 2024-01-01 00:00–03:00 UTC; 1h buckets unless overridden. */
export function request(
  targets: Array<Partial<ChoreoQuery>>,
  over: Partial<DataQueryRequest<ChoreoQuery>> = {}
): DataQueryRequest<ChoreoQuery> {
  const from = dateTime(FROM);
  const to = dateTime(TO);
  return {
    requestId: 'Q1',
    interval: '1h',
    intervalMs: 3_600_000,
    maxDataPoints: 500,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })),
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    ...over,
  };
}

/** Runs one target through the real runner; returns frames, errors and the requests sent. */
export async function runOne(
  target: Partial<ChoreoQuery>,
  answers: Parameters<typeof fakeClient>[0],
  opts: Parameters<typeof fakeDeps>[1] & { request?: Partial<DataQueryRequest<ChoreoQuery>> } = {}
) {
  const deps = fakeDeps(answers, opts);
  const { runQueries } = await import('../runQueries');
  const res = await runQueries(request([target], opts.request), deps);
  const sent = deps.requests.filter((r) => r.operationName !== 'ListApis' && r.operationName !== 'ListEnvironments');
  return { frames: res.data as DataFrame[], errors: res.errors ?? [], requests: sent, allRequests: deps.requests };
}

/** A field's values as a plain array, by name. */
export function values(frame: DataFrame, name: string): unknown[] {
  const f = frame.fields.find((x) => x.name === name);
  if (!f) {
    throw new Error(`no field ${name} in ${frame.fields.map((x) => x.name).join(', ')}`);
  }
  return [...f.values];
}

export const h = (hour: number, min = 0) => Date.UTC(2024, 0, 1, hour, min);

/**
 * Runs panel requests through the real runner (`runPanel`) against the FakeTransport, with the
 * TemplateSrvFake: what the query-type specs of src/runner/queryTypes share.
 */
import {
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataSourceInstanceSettings,
} from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { type PanelRequestOptions, panelRequest } from '../../../testing/fakes/panelRequest';
import { FakeTransport, type Answers, type SentRequest } from '../../../testing/fakes/transport';
import { TemplateSrvFake, type FakeVariable } from '../../../testing/fakes/templateSrv';
import { DataSource } from '../../datasource';
import { MetadataService } from '../../metadata/metadataService';
import type { ChoreoOptions } from '../../options';
import { resolveSettings } from '../../settings/resolveSettings';
import type { ChoreoQuery } from '../../types';
import { DocumentMerger } from '../batch/documentMerger';
import type { RunnerDeps } from '../deps';
import { runPanel, type RunOptions } from '../runPanel';

export { FAKE_APIS as APIS } from '../../../testing/fakes/transport';

export interface FakeDepsOptions {
  jsonData?: ChoreoOptions;
  /** Dashboard variables: name → selection, or full variables (All, custom all values...). */
  vars?: Record<string, string | string[]> | FakeVariable[];
}

export type FakeDeps = RunnerDeps & { transport: FakeTransport; requests: SentRequest[] };

const DEFAULT_JSON_DATA: ChoreoOptions = { orgUuid: 'org-1', defaultEnvironmentId: 'env-1' };

export function fakeDeps(answers: Answers, opts: FakeDepsOptions = {}): FakeDeps {
  const transport = new FakeTransport(answers);
  const settings = resolveSettings(opts.jsonData ?? DEFAULT_JSON_DATA);
  return {
    client: transport,
    settings,
    templateSrv: new TemplateSrvFake(opts.vars ?? []),
    metadata: new MetadataService(transport, settings),
    transport,
    requests: transport.requests,
  };
}

/**
 * The real DataSource (query, variables, annotations) over the fake transport: built from
 * instance settings as Grafana builds it, its client and metadata swapped for the fakes, and the
 * TemplateSrv fake installed where `getTemplateSrv()` finds it.
 */
export function fakeDataSource(answers: Answers, opts: FakeDepsOptions = {}): { ds: DataSource; deps: FakeDeps } {
  const deps = fakeDeps(answers, opts);
  const settings: DataSourceInstanceSettings<ChoreoOptions> = {
    uid: 'choreo-test',
    type: 'choreo-insights-datasource',
    name: 'Choreo Insights',
    access: 'proxy',
    url: '/api/datasources/proxy/uid/choreo-test',
    jsonData: opts.jsonData ?? DEFAULT_JSON_DATA,
    readOnly: false,
    meta: { id: 'choreo-insights-datasource' } as DataSourceInstanceSettings['meta'],
  };
  const ds = new DataSource(settings, { transport: deps.transport });
  // `metadata` is readonly to plugin code: the spec's own service, so it can inspect its cache.
  Object.assign(ds, { metadata: deps.metadata });
  setTemplateSrv(deps.templateSrv);
  return { ds, deps };
}

export const FROM = Date.UTC(2024, 0, 1, 0, 0);
export const TO = Date.UTC(2024, 0, 1, 3, 0);

/** A panel request over 2024-01-01 00:00–03:00 UTC; 1h buckets unless overridden. */
export function request(
  targets: Array<Partial<ChoreoQuery>>,
  over: PanelRequestOptions<ChoreoQuery> = {}
): DataQueryRequest<ChoreoQuery> {
  return panelRequest(targets, { from: FROM, to: TO, ...over });
}

export interface PanelRun {
  frames: DataFrame[];
  errors: DataQueryError[];
  /** The panel's own requests (list lookups for names and environments left out). */
  requests: SentRequest[];
  allRequests: SentRequest[];
}

const isLookup = (r: SentRequest) => r.operationName === 'ListApis' || r.operationName === 'ListEnvironments';

/** One panel run to its end (`runPanel` with `lastValueFrom`, as a test of the Observable). */
export async function runRequest(
  req: DataQueryRequest<ChoreoQuery>,
  deps: FakeDeps,
  options: RunOptions = {}
): Promise<PanelRun> {
  const merger = new DocumentMerger();
  const res = await lastValueFrom(runPanel(req, deps, async () => merger, options));
  return {
    frames: (res.data ?? []) as DataFrame[],
    errors: res.errors ?? [],
    requests: deps.requests.filter((r) => !isLookup(r)),
    allRequests: [...deps.requests],
  };
}

/** Runs one target through the real runner; returns frames, errors and the requests sent. */
export async function runOne(
  target: Partial<ChoreoQuery>,
  answers: Answers,
  opts: FakeDepsOptions & { request?: Partial<DataQueryRequest<ChoreoQuery>>; run?: RunOptions } = {}
): Promise<PanelRun> {
  return runRequest(request([target], opts.request), fakeDeps(answers, opts), opts.run);
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

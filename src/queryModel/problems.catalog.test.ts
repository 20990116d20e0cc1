// jsdom (the default): problems.ts shares the runner's checks, whose module loads @grafana/data.
import { dateTime, type DataQueryRequest, type TimeRange } from '@grafana/data';

import { entryFor } from '../catalog/catalog';
import type { InsightsTransport } from '../client/insightsClient';
import type { MetadataService } from '../metadata/metadataService';
import type { RunnerDeps } from '../runner/deps';
import { prepareBuilderTarget } from '../runner/prepare';
import { resolveSettings } from '../settings/resolveSettings';
import { TemplateSrvFake } from '../../testing/fakes/templateSrv';
import { QueryType, type ChoreoQuery } from '../types';
import { hasProblems, queryProblems } from './problems';

const q = (queryType: QueryType, fields: Partial<ChoreoQuery> = {}): ChoreoQuery => ({
  refId: 'A',
  queryType,
  environmentId: 'env-prod',
  ...fields,
});

const six = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

describe('queryProblems: scope', () => {
  it('refuses several ids where the type takes one', () => {
    expect(queryProblems(q(QueryType.ErrorDetails, { apiIds: ['a1', 'a2'], appIds: ['x1', 'x2', 'x3'] }))).toEqual({
      apiIds: 'This view filters by one API at a time, but 2 APIs are selected.',
      appIds: 'This view filters by one application at a time, but 3 applications are selected.',
    });
  });

  it("asks for the API a type requires, in the type's own words", () => {
    expect(queryProblems(q(QueryType.ApiLatency)).apiIds).toBe(
      'Choose an API: latency is shown for one API at a time.'
    );
    expect(queryProblems(q(QueryType.ApiLatency, { apiIds: ['', ''] })).apiIds).toBe(
      'Choose an API: latency is shown for one API at a time.'
    );
    expect(queryProblems(q(QueryType.ApiLatency, { apiIds: ['a1', 'a2'] })).apiIds).toBe(
      'This view filters by one API at a time, but 2 APIs are selected.'
    );
    expect(hasProblems(queryProblems(q(QueryType.ApiLatency, { apiIds: ['a1'] })))).toBe(false);
  });

  it('refuses more ids than the Insights API filters by', () => {
    expect(queryProblems(q(QueryType.ApiUsage, { apiIds: six })).apiIds).toBe(
      'The Insights API filters by at most 5 APIs, but 6 are selected.'
    );
    expect(queryProblems(q(QueryType.UsageByApplication, { appIds: six })).appIds).toBe(
      'The Insights API filters by at most 5 applications, but 6 are selected.'
    );
    expect(hasProblems(queryProblems(q(QueryType.ApiUsage, { apiIds: six.slice(0, 5) })))).toBe(false);
  });

  it('is no problem for ids a type ignores (the runner only notes it)', () => {
    expect(hasProblems(queryProblems(q(QueryType.TopSlowestApis, { apiIds: six, appIds: six })))).toBe(false);
  });

  it('does not count ids that hold a variable: a variable may expand to any number', () => {
    expect(hasProblems(queryProblems(q(QueryType.ErrorDetails, { apiIds: ['$api', 'a1'], appIds: ['${app}'] })))).toBe(
      false
    );
    expect(hasProblems(queryProblems(q(QueryType.ApiUsage, { apiIds: ['$apis', ...six.slice(0, 5)] })))).toBe(false);
    expect(queryProblems(q(QueryType.ApiUsage, { apiIds: ['$apis', ...six] })).apiIds).toBe(
      'The Insights API filters by at most 5 APIs, but 6 are selected.'
    );
    expect(queryProblems(q(QueryType.ApiLatency, { apiIds: ['$api'] }))).toEqual({ appIds: undefined });
    expect(queryProblems(q(QueryType.ApiLatency, { apiIds: ['$api', 'a1', 'a2'] })).apiIds).toBeUndefined();
  });

  it("checks the variant's scope", () => {
    expect(queryProblems(q(QueryType.List, { list: 'apis', apiIds: six })).apiIds).toBe(
      'The Insights API filters by at most 5 APIs, but 6 are selected.'
    );
    expect(hasProblems(queryProblems(q(QueryType.List, { list: 'environments', apiIds: six })))).toBe(false);
  });
});

describe('queryProblems: options', () => {
  it("gives each option's problem by name", () => {
    const problems = queryProblems(q(QueryType.ErrorDetails, { maxRows: 0, sortOrder: 'up' as never }));
    expect(problems).toEqual({
      maxRows: 'Max rows must be a whole number from 1 to 20000 (got 0).',
      sortOrder: 'Unknown sort order "up": choose desc, asc.',
      apiIds: undefined,
      appIds: undefined,
    });
    expect(hasProblems(problems)).toBe(true);
  });

  it('has none for GraphQL and unknown types', () => {
    expect(queryProblems(q(QueryType.GraphQL, { apiIds: six }))).toEqual({});
    expect(queryProblems({ refId: 'A', queryType: 'nope' as QueryType })).toEqual({});
  });

  it('counts only set problems', () => {
    expect(hasProblems({ apiIds: undefined, appIds: undefined })).toBe(false);
    expect(hasProblems({ x: '' })).toBe(false);
    expect(hasProblems({ x: 'wrong' })).toBe(true);
  });
});

describe('queryProblems: the texts the runner shows', () => {
  const unused = (what: string) => () => {
    throw new Error(`the runner should not need ${what} to refuse this query`);
  };
  const deps: RunnerDeps = {
    // Neither is reached: the runner refuses these queries before sending or listing anything.
    client: { request: unused('the client'), execute: unused('the client') } as unknown as InsightsTransport,
    metadata: { environments: unused('metadata'), apiNameMap: unused('metadata') } as unknown as MetadataService,
    settings: resolveSettings({ orgUuid: 'org-1', defaultEnvironmentId: 'env-prod' }),
    templateSrv: new TemplateSrvFake(),
  };
  const range: TimeRange = {
    from: dateTime(Date.UTC(2026, 10, 24)),
    to: dateTime(Date.UTC(2026, 10, 25)),
    raw: { from: 'now-1d', to: 'now' },
  };
  // The fields of a panel request the runner reads; the rest of DataQueryRequest does not matter here.
  const request = {
    range,
    scopedVars: {},
    timezone: 'utc',
    maxDataPoints: 500,
    intervalMs: 60_000,
  } as unknown as DataQueryRequest<ChoreoQuery>;

  it.each<[string, ChoreoQuery]>([
    ['two APIs for one', q(QueryType.ErrorDetails, { apiIds: ['a1', 'a2'] })],
    ['two applications for one', q(QueryType.ErrorDetails, { appIds: ['x1', 'x2'] })],
    ['no API where one is required', q(QueryType.ApiLatency)],
    ['six APIs', q(QueryType.ApiUsage, { apiIds: six })],
    ['six applications', q(QueryType.UsageByApplication, { appIds: six })],
    ['a bad option and too many APIs', q(QueryType.ErrorDetails, { maxRows: -1, apiIds: ['a1', 'a2'] })],
    ['no group-by field', q(QueryType.CustomReport, { customReport: { groupByFields: [] } })],
    ['an unknown error category', q(QueryType.ErrorsByCategory, { errorCategories: ['NOPE' as never] })],
  ])('%s: the first problem is the error the runner gives', async (_, query) => {
    const entry = entryFor(query.queryType)!;
    const problems = queryProblems(query);
    const first = [...entry.options.map((o) => problems[o.name]), problems.apiIds, problems.appIds].find(Boolean);
    expect(first).toBeDefined();
    const planned = await prepareBuilderTarget(query, request, deps);
    expect('error' in planned ? planned.error : undefined).toBe(first);
  });
});

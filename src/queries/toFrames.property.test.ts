import fc from 'fast-check';

import { ApiNameMap } from '../metadata/apiDisplayName';
import { frameProblem } from '../testUtils/frameInvariants';
import { documentKeys, jsonAround } from '../testUtils/jsonArbitraries';
import { CONCRETE_GRANULARITIES } from '../time/granularity';
import { toTimeFilter } from '../time/timeFilter';
import { dateTime } from '@grafana/data';
import { QueryType, type ChoreoQuery } from '../types';
import type { QueryContext } from './handler';
import { HANDLERS } from './registry';

// Whatever the network hands a builder view, toFrames returns frames Grafana can draw (equal
// lengths, declared types) and never throws: a throw would turn one odd bucket into a panel
// error, or worse a blank panel.

const RUNS_PER_TYPE = 600; // × 19 types ≈ 11,400 cases per run
const SEED = 20261125;

const queryArb = (queryType: QueryType) =>
  fc.record({
    refId: fc.constant('A'),
    queryType: fc.constant(queryType),
    kpi: fc.constantFrom('totalTraffic', 'errorCount', 'errorRate', 'latencyP95', 'nope', undefined),
    list: fc.constantFrom(
      'organizations',
      'environments',
      'apis',
      'applications',
      'providers',
      'subscribers',
      'tenants'
    ),
    limit: fc.option(fc.integer({ min: -1, max: 50 }), { nil: undefined }),
    errorType: fc.constantFrom('PROXY', 'TARGET', undefined),
    errorCategories: fc.subarray(['AUTH', 'TARGET_CONNECTIVITY', 'THROTTLED', 'OTHER'] as const),
    customReport: fc.record({
      mode: fc.constantFrom('overTime', 'topOverTime', undefined),
      metric: fc.constantFrom('HIT_COUNT', 'TOTAL_LATENCY', undefined),
      groupByFields: fc.subarray(['API_NAME', 'APPLICATION_NAME', 'PLATFORM'] as const),
    }),
  }) as fc.Arbitrary<ChoreoQuery>;

const ctxArb = fc
  .record({
    fromMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    spanMs: fc.integer({ min: 60_000, max: 40 * 86_400_000 }),
    granularity: fc.constantFrom(...CONCRETE_GRANULARITIES),
    apiIds: fc.option(fc.array(fc.constantFrom('api-1', 'api-2'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map(({ fromMs, spanMs, granularity, apiIds }): QueryContext => ({
    refId: 'A',
    timeFilter: toTimeFilter({ from: dateTime(fromMs), to: dateTime(fromMs + spanMs) }),
    fromMs,
    toMs: fromMs + spanMs,
    granularity,
    dataFilter: { orgId: 'org', tenant: 'carbon.super', environmentId: 'env' },
    environmentId: 'env',
    apiIds,
    apiNames: new ApiNameMap([{ id: 'api-1', name: 'Orders', version: 'v1', provider: 'p' }]),
    notices: [],
  }));

describe('builder toFrames over generated answers', () => {
  it.each(Object.entries(HANDLERS))('%s', (type, handler) => {
    // Keys of every document the type can send, so generated answers look like real ones.
    const keys = new Set<string>();
    fc.sample(fc.tuple(queryArb(type as QueryType), ctxArb), { numRuns: 30, seed: SEED }).forEach(([q, ctx]) => {
      try {
        documentKeys(handler.build(q, ctx).document).forEach((k) => keys.add(k));
      } catch {
        // a query the editor would refuse: its document does not matter here
      }
    });
    fc.assert(
      // The client never hands over a null or absent `data` (that is an error of its own).
      fc.property(
        queryArb(type as QueryType),
        ctxArb,
        jsonAround([...keys]).filter((d) => d !== null && d !== undefined),
        (query, ctx, data) => {
          const frames = handler.toFrames(data, query, ctx);
          for (const frame of frames) {
            const problem = frameProblem(frame);
            if (problem) {
              throw new Error(problem);
            }
          }
        }
      ),
      { numRuns: RUNS_PER_TYPE, seed: SEED }
    );
  });
});

import { dateTime } from '@grafana/data';
import fc from 'fast-check';

import { entries } from '../catalog/catalog';
import { InsightsError } from '../client/errors';
import { frameProblem } from '../testUtils/frameInvariants';
import { documentKeys, jsonAround } from '../testUtils/jsonArbitraries';
import { CONCRETE_GRANULARITIES } from '../time/granularity';
import type { ChoreoQuery, QueryType } from '../types';
import { prepareBuilderTarget } from './prepare';
import { isPrepared, type PreparedTarget } from './target';
import { fakeDeps, request } from './testing/runTarget';

// Whatever the network hands a builder view, the catalog's frames are frames Grafana can draw
// (equal lengths, declared types) and building them never throws: a throw would turn one odd
// bucket into a panel error, or worse a blank panel.

const RUNS_PER_TYPE = 600; // × 19 types ≈ 11,400 cases per run
const SEED = 20261125;

const queryArb = (queryType: string) =>
  fc.record({
    refId: fc.constant('A'),
    queryType: fc.constant(queryType as QueryType),
    granularity: fc.constantFrom('auto', ...CONCRETE_GRANULARITIES),
    apiIds: fc.option(
      fc.array(fc.constantFrom('api-orders', 'api-pay', 'Payments - 2.0.0'), { minLength: 1, maxLength: 2 }),
      {
        nil: undefined,
      }
    ),
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

const rangeArb = fc.record({
  fromMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
  spanMs: fc.integer({ min: 60_000, max: 40 * 86_400_000 }),
});

// Names resolve from the fake transport's API list; the default environment avoids a lookup.
const deps = fakeDeps({}, { jsonData: { orgUuid: 'org', defaultEnvironmentId: 'env' } });

async function prepare(query: ChoreoQuery, range: { fromMs: number; spanMs: number }) {
  const from = dateTime(range.fromMs);
  const to = dateTime(range.fromMs + range.spanMs);
  const planned = await prepareBuilderTarget(query, request([query], { range: { from, to, raw: { from, to } } }), deps);
  return isPrepared(planned) ? planned : undefined;
}

const builderTypes = entries()
  .filter((e) => !e.raw)
  .map((e) => e.type);

describe('catalog frames over generated answers', () => {
  it('covers every builder type', () => {
    expect(builderTypes).toHaveLength(19);
  });

  it.each(builderTypes)('%s', async (type) => {
    // Keys of every document the type can send, so generated answers look like real ones.
    const keys = new Set<string>();
    let prepared = 0;
    for (const [q, r] of fc.sample(fc.tuple(queryArb(type), rangeArb), { numRuns: 30, seed: SEED })) {
      const target = await prepare(q, r);
      if (target) {
        prepared++;
        documentKeys(target.requests[0].query).forEach((k) => keys.add(k));
      }
    }
    // The generated queries reach the frames for this type (a query the editor refuses does not).
    expect(prepared).toBeGreaterThan(0);
    await fc.assert(
      // The client never hands over a null or absent `data` (that is an error of its own).
      fc.asyncProperty(
        queryArb(type),
        rangeArb,
        jsonAround([...keys]).filter((d) => d !== null && d !== undefined),
        async (query, range, data) => {
          const target: PreparedTarget | undefined = await prepare(query, range);
          if (!target) {
            return;
          }
          let frames;
          try {
            frames = target.frames([data], { errors: [], pages: 1, notices: [] });
          } catch (e) {
            // An answer that does not have the document's shape is a message, never a JS error.
            if (e instanceof InsightsError) {
              return;
            }
            throw e;
          }
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

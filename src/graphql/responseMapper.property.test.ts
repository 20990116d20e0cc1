import fc from 'fast-check';

import { frameProblem } from '../testUtils/frameInvariants';
import { jsonAround } from '../testUtils/jsonArbitraries';
import { ResponseMapper, type MappingOptions } from './responseMapper';

// Raw GraphQL mode maps answers nobody designed for: whatever the shape and the mapping
// options, it must return well-formed frames and never throw.

const KEYS = ['getAPIUsageOverTime', 'usage', 'timeSpan', 'timestamp', 'count', 'apiId', 'items', 'a', 'b'];
const pathArb = fc
  .array(fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('0', '1', ' ', '')), { maxLength: 3 })
  .map((p) => p.join('.'));

const optionsArb: fc.Arbitrary<MappingOptions> = fc.record(
  {
    dataPath: pathArb,
    timeField: fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('usage.timeSpan', 'nope', '')),
    timeFormat: fc.constantFrom('iso', 'epochSeconds', 'epochMillis'),
    labelFields: fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.constant('')), { maxLength: 2 }),
    displayName: fc.constantFrom('{{apiId}} {{__field}}', '{{ nope }}', '', '{{'),
  },
  { requiredKeys: [] }
);

describe('ResponseMapper over generated answers', () => {
  it('returns frames of equal-length, correctly typed fields for any JSON (10,000 cases)', () => {
    fc.assert(
      fc.property(optionsArb, jsonAround(KEYS, 5), (options, data) => {
        const { frames, warnings } = new ResponseMapper(options).map(data, 'A');
        expect(warnings.every((w) => typeof w === 'string')).toBe(true);
        for (const frame of frames) {
          const problem = frameProblem(frame);
          if (problem) {
            throw new Error(problem);
          }
        }
      }),
      { numRuns: 10_000, seed: 20261125 }
    );
  });
});

import { API_PATH, type Faults } from '../../emulator/server';
import { QueryType } from '../../src/types';
import { NOW, panelRequest, recordingPolicy, runPanel, startTrustStack, type TrustStack } from './trustStack';

// Throttled (429) and unavailable (503) answers are retried at most twice, waiting what the
// server asks, never more than 10 s in all; other failures are not retried. Counted at the
// emulator; waits recorded by the client's RetryPolicy instead of slept.

const kpi = { queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' as const };

describe('retries', () => {
  let stack: TrustStack;
  beforeAll(async () => {
    stack = await startTrustStack();
  });
  afterAll(() => stack.close());

  async function attempts(faults: Faults, onSleep?: () => void) {
    // nextAccessTime is wall-clock time: frozen, the wait read is exactly retryAfterSeconds.
    const frozen = jest.spyOn(Date, 'now').mockReturnValue(NOW);
    stack.emulator.setFaults({ onlyPath: API_PATH, ...faults });
    const policy = recordingPolicy();
    const sleep = policy.sleep;
    policy.sleep = async (ms) => {
      onSleep?.();
      return sleep(ms);
    };
    const before = stack.emulator.stats.graphqlRequests;
    try {
      const out = await runPanel(stack.dataSource({}, policy), panelRequest([kpi]));
      return { requests: stack.emulator.stats.graphqlRequests - before, waits: policy.waits, out };
    } finally {
      frozen.mockRestore();
      stack.emulator.clearFaults();
    }
  }

  it('429 with a 3 s wait: two retries, each waiting 3 s', async () => {
    const r = await attempts({ status: 429, retryAfterSeconds: 3 });
    expect([r.requests, r.waits]).toEqual([3, [3000, 3000]]);
    expect(r.out.errors[0].message).toBe('The Insights API is rate limiting requests (HTTP 429). Retry after 3 s.');
  });

  it('429 with a 6 s wait: one retry, since a second would pass 10 s', async () => {
    const r = await attempts({ status: 429, retryAfterSeconds: 6 });
    expect([r.requests, r.waits]).toEqual([2, [6000]]);
  });

  it('429 asking for 11 s: not retried at all', async () => {
    const r = await attempts({ status: 429, retryAfterSeconds: 11 });
    expect([r.requests, r.waits]).toEqual([1, []]);
    expect(r.out.errors[0].message).toBe('The Insights API is rate limiting requests (HTTP 429). Retry after 11 s.');
  });

  it('503 without a wait: backs off 1 s then 2 s', async () => {
    const r = await attempts({ status: 503 });
    expect([r.requests, r.waits]).toEqual([3, [1000, 2000]]);
  });

  it('a 429 that clears: the panel gets its data after one retry', async () => {
    const r = await attempts({ status: 429, retryAfterSeconds: 1 }, () => stack.emulator.clearFaults());
    expect([r.requests, r.waits, r.out.errors]).toEqual([2, [1000], []]);
    expect(r.out.frames[0].length).toBe(1);
  });

  it.each([400, 401, 403, 404, 500, 502, 504])('%i is not retried', async (status) => {
    const r = await attempts({ status });
    expect([r.requests, r.waits, r.out.errors.length]).toEqual([1, [], 1]);
  });

  it('the waits of any answer sequence never add up past 10 s', async () => {
    for (const seconds of [0, 1, 2, 4, 5, 7, 9, 10]) {
      const r = await attempts({ status: 429, retryAfterSeconds: seconds });
      expect(r.waits.length).toBeLessThanOrEqual(2);
      expect(r.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
      expect(r.requests).toBe(r.waits.length + 1);
    }
  });
});

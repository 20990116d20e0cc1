import { InsightsError } from './errors';
import { withRetries, type RetryPolicy } from './retryPolicy';

function policy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries: 2, maxTotalWaitMs: 10_000, baseDelayMs: 1_000, sleep: async (ms) => void waits.push(ms), waits };
}

const throttled = (retryAfterSeconds?: number) =>
  new InsightsError('rateLimited', 'The Insights API is rate limiting requests (HTTP 429).', {
    status: 429,
    retryAfterSeconds,
  });

function failing(errors: unknown[], value = 'ok') {
  let calls = 0;
  const fn = jest.fn(async () => {
    const e = errors[calls++];
    if (e) {
      throw e;
    }
    return value;
  });
  return fn;
}

describe('withRetries', () => {
  it('retries 429 twice, honouring the server-named wait', async () => {
    const p = policy();
    const call = failing([throttled(3), throttled(4)]);
    await expect(withRetries(call, p)).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(3);
    expect(p.waits).toEqual([3_000, 4_000]);
  });

  it('backs off 1 s then 2 s when the server names no wait, and retries 503 too', async () => {
    const p = policy();
    const unavailable = new InsightsError('server', 'The Insights API failed (HTTP 503).', { status: 503 });
    const call = failing([unavailable, throttled()]);
    await expect(withRetries(call, p)).resolves.toBe('ok');
    expect(p.waits).toEqual([1_000, 2_000]);
  });

  it('gives up after two retries with the last error', async () => {
    const p = policy();
    const call = failing([throttled(1), throttled(1), throttled(1)]);
    await expect(withRetries(call, p)).rejects.toMatchObject({ status: 429 });
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('never waits beyond 10 s in all', async () => {
    const p = policy();
    const call = failing([throttled(6), throttled(6)]);
    await expect(withRetries(call, p)).rejects.toMatchObject({ status: 429 });
    expect(p.waits).toEqual([6_000]);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it.each([400, 401, 403, 404, 500, 502, 504])('does not retry HTTP %i', async (status) => {
    const p = policy();
    const call = failing([new InsightsError('badRequest', 'x', { status })]);
    await expect(withRetries(call, p)).rejects.toMatchObject({ status });
    expect(call).toHaveBeenCalledTimes(1);
    expect(p.waits).toEqual([]);
  });
});

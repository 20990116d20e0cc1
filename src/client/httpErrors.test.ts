import { AUTH_FAILED_MESSAGE, excerpt, httpError, parseNextAccessTime } from './httpErrors';

const endpoints = { apiUrl: 'https://api.example/query-api', tokenUrl: 'https://sts.example/token' };

describe('httpError', () => {
  it("recognises Grafana's rewritten 401 and tells the user what to check, including re-saving after a revoke", () => {
    const e = httpError(400, 'Authentication to data source failed', endpoints);
    expect(e.kind).toBe('auth');
    expect(e.message).toBe(AUTH_FAILED_MESSAGE);
    expect(e.message).toContain('subscribed to the Insights API');
    expect(e.message).toContain('save the data source again');
  });

  it('keeps other 400s as request errors with the body excerpt', () => {
    const e = httpError(400, { message: 'Invalid granularity' }, endpoints);
    expect(e.kind).toBe('badRequest');
    expect(e.message).toBe('The Insights API rejected the request (HTTP 400). Response: Invalid granularity');
  });

  it('names the API URL setting on 404, 502 and 504', () => {
    expect(httpError(404, '', endpoints).message).toBe(
      'The Insights API was not found (HTTP 404) at https://api.example/query-api. Check "Insights API URL" in the data source\'s Advanced settings.'
    );
    expect(httpError(502, '', endpoints).message).toContain(
      'could not reach the Insights API at https://api.example/query-api'
    );
    expect(httpError(504, '', endpoints).kind).toBe('timeout');
  });

  it('reports 429 with the wait when known (from the throttling body: Grafana hides Retry-After)', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') });
    try {
      const e = httpError(429, { nextAccessTime: '2026-Nov-25 12:00:07+0000 UTC' }, endpoints);
      expect(e.message).toBe('The Insights API is rate limiting requests (HTTP 429). Retry after 7 s.');
      expect(e.retryAfterSeconds).toBe(7);
    } finally {
      jest.useRealTimers();
    }
    expect(httpError(429, '', endpoints).message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Try again later.'
    );
  });

  it('reports 5xx with a short excerpt, HTML reduced to its title', () => {
    const e = httpError(
      500,
      '<!DOCTYPE html><html><head><title>Internal Error</title></head><body>…</body></html>',
      endpoints
    );
    expect(e.message).toBe('The Insights API failed (HTTP 500). Response: an HTML page titled "Internal Error"');
  });
});

describe('excerpt', () => {
  it('shortens long bodies to one line', () => {
    const text = excerpt(`a\n${'x'.repeat(500)}`);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThanOrEqual(201);
  });
});

describe("bodies as Grafana's backend_srv hands them over", () => {
  it('unwraps a text body that processRequestError turned into {message, error, response}', () => {
    const data = {
      message: 'Authentication to data source failed',
      error: 'Bad Request',
      response: 'Authentication to data source failed',
    };
    expect(httpError(400, data, endpoints).kind).toBe('auth');
    expect(
      httpError(500, { message: 'x', error: 'Internal Server Error', response: 'db down' }, endpoints).message
    ).toBe('The Insights API failed (HTTP 500). Response: db down');
  });
});

describe('throttling waits', () => {
  it("reads WSO2's nextAccessTime from a throttling body (Grafana hides the Retry-After header)", () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 12:00:08+0000 UTC' }, now)).toBe(8);
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 17:30:05+0530 UTC' }, now)).toBe(5);
    expect(parseNextAccessTime({ nextAccessTime: 'soon' }, now)).toBeUndefined();
  });

  it('takes the wait from a JSON text body wrapped by backend_srv', () => {
    const future = new Date(Date.now() + 4_000);
    const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
      future.getUTCMonth()
    ];
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = `${future.getUTCFullYear()}-${m}-${p(future.getUTCDate())} ${p(future.getUTCHours())}:${p(future.getUTCMinutes())}:${p(future.getUTCSeconds())}+0000 UTC`;
    const text = JSON.stringify({ code: '900800', message: 'Message throttled out', nextAccessTime: stamp });
    const e = httpError(429, { message: text, error: 'Too Many Requests', response: text }, endpoints);
    expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(3);
    expect(e.retryAfterSeconds).toBeLessThanOrEqual(4);
  });
});

/** @jest-environment node */
// parseNextAccessTime and the 429 message (httpErrors.test.ts covers the other statuses).
import { httpError, MAX_QUOTED_WAIT_SECONDS, parseNextAccessTime } from './httpErrors';

const endpoints = { apiUrl: 'https://api.example/query-api', tokenUrl: 'https://sts.example/token' };
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('parseNextAccessTime', () => {
  it("reads WSO2's flat body, written as date text", () => {
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 12:00:10+0000 UTC' }, NOW)).toBe(10);
  });

  it('reads the body wrapped in its fault object', () => {
    const body = {
      fault: {
        code: 900802,
        message: 'Message throttled out',
        description: 'You have exceeded your quota',
        nextAccessTime: '2026-Nov-25 12:01:00+0000 UTC',
      },
    };
    expect(parseNextAccessTime(body, NOW)).toBe(60);
  });

  it('prefers the flat value to the wrapped one', () => {
    const body = {
      nextAccessTime: '2026-Nov-25 12:00:05+0000 UTC',
      fault: { nextAccessTime: '2026-Nov-25 12:00:50+0000 UTC' },
    };
    expect(parseNextAccessTime(body, NOW)).toBe(5);
  });

  it("applies the text's offset", () => {
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 17:30:20+0530 IST' }, NOW)).toBe(20);
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 04:00:30-0800 PST' }, NOW)).toBe(30);
    expect(parseNextAccessTime({ nextAccessTime: '  2026-Nov-25 12:00:10+0000 UTC  ' }, NOW)).toBe(10);
  });

  it('reads epoch milliseconds and epoch seconds, as numbers and as numeric text', () => {
    expect(parseNextAccessTime({ nextAccessTime: NOW + 7000 }, NOW)).toBe(7);
    expect(parseNextAccessTime({ nextAccessTime: NOW / 1000 + 9 }, NOW)).toBe(9);
    expect(parseNextAccessTime({ nextAccessTime: String(NOW + 4000) }, NOW)).toBe(4);
    expect(parseNextAccessTime({ fault: { nextAccessTime: String(NOW / 1000 + 3) } }, NOW)).toBe(3);
  });

  it('rounds up to whole seconds and never goes below 0', () => {
    expect(parseNextAccessTime({ nextAccessTime: NOW + 1500 }, NOW)).toBe(2);
    expect(parseNextAccessTime({ nextAccessTime: NOW + 1 }, NOW)).toBe(1);
    expect(parseNextAccessTime({ nextAccessTime: NOW }, NOW)).toBe(0);
    expect(parseNextAccessTime({ nextAccessTime: '2026-Nov-25 11:00:00+0000 UTC' }, NOW)).toBe(0);
  });

  it('reads a far date as it is (the message decides not to quote it)', () => {
    expect(parseNextAccessTime({ nextAccessTime: '2099-Jan-01 00:00:00+0000 UTC' }, NOW)).toBe(
      (Date.UTC(2099, 0, 1) - NOW) / 1000
    );
  });

  it.each<[string, unknown]>([
    ['no body', undefined],
    ['a text body', 'Message throttled out'],
    ['a body without it', { fault: { code: 900802 } }],
    ['an unknown month', { nextAccessTime: '2026-Foo-25 12:00:10+0000 UTC' }],
    ['a lower-case month', { nextAccessTime: '2026-nov-25 12:00:10+0000 UTC' }],
    ['ISO text', { nextAccessTime: '2026-11-25T12:00:10Z' }],
    ['words', { nextAccessTime: 'soon' }],
    ['a number that is not finite', { nextAccessTime: Number.POSITIVE_INFINITY }],
    ['an object', { nextAccessTime: { at: NOW } }],
    ['a fault that is text', { fault: 'throttled' }],
    ['an inherited name', Object.create({ nextAccessTime: NOW + 5000 }) as object],
  ])('is undefined for %s', (_, body) => {
    expect(parseNextAccessTime(body, NOW)).toBeUndefined();
  });
});

describe('the 429 message', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('quotes the wait of a flat or wrapped body, as text (how the proxy hands it over) or parsed', () => {
    const flat = JSON.stringify({ nextAccessTime: '2026-Nov-25 12:00:10+0000 UTC' });
    const e = httpError(429, flat, endpoints);
    expect(e.kind).toBe('rateLimited');
    expect(e.status).toBe(429);
    expect(e.retryAfterSeconds).toBe(10);
    expect(e.message).toBe('The Insights API is rate limiting requests (HTTP 429). Retry after 10 s.');
    const wrapped = { fault: { message: 'Message throttled out', nextAccessTime: NOW + 42_000 } };
    expect(httpError(429, wrapped, endpoints).message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Retry after 42 s.'
    );
    const grafanaWrapped = { message: 'Too Many Requests', error: 'Too Many Requests', response: flat };
    expect(httpError(429, grafanaWrapped, endpoints).retryAfterSeconds).toBe(10);
  });

  it('quotes up to an hour', () => {
    const body = { nextAccessTime: NOW + MAX_QUOTED_WAIT_SECONDS * 1000 };
    expect(httpError(429, body, endpoints).message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Retry after 3600 s.'
    );
  });

  it('does not quote a wait of more than an hour', () => {
    expect(httpError(429, { nextAccessTime: NOW + 3_601_000 }, endpoints).message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Try again later: it asks to wait more than an hour.'
    );
    const e = httpError(429, { fault: { nextAccessTime: '2099-Nov-25 12:00:10+0000 UTC' } }, endpoints);
    expect(e.message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Try again later: it asks to wait more than an hour.'
    );
  });

  it('says "Try again later." without a readable wait', () => {
    expect(httpError(429, '', endpoints).message).toBe(
      'The Insights API is rate limiting requests (HTTP 429). Try again later.'
    );
    expect(httpError(429, { fault: { nextAccessTime: 'whenever' } }, endpoints).retryAfterSeconds).toBeUndefined();
  });
});

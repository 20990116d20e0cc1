/** @jest-environment node */
import { redact } from './redact';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImV4cCI6MTc2NDAwMDAwMH0.c2lnbmF0dXJlLXBhcnQ_-x';

describe('redact', () => {
  it('blanks Bearer tokens, whatever the case', () => {
    expect(redact('sent Bearer abc.DEF-123_~+/== to the API')).toBe('sent Bearer [redacted] to the API');
    expect(redact('bearer   0123456789abcdef')).toBe('Bearer [redacted]');
  });

  it('blanks Authorization header values in header, JSON and query-string form', () => {
    expect(redact('authorization: Basic dXNlcjpwYXNz\nnext line')).toBe('authorization: [redacted]\nnext line');
    expect(redact('Authorization:Bearer abc')).toBe('Authorization:[redacted]');
    expect(redact('{"Authorization": "Bearer abc.def", "Accept": "application/json"}')).toBe(
      '{"Authorization": "[redacted]", "Accept": "application/json"}'
    );
    expect(redact("{'authorization': 'Basic xyz'}")).toBe("{'authorization': '[redacted]'}");
    expect(redact('GET /q?x-ds-authorization=Bearer%20abc')).toBe('GET /q?x-ds-authorization=[redacted]');
    expect(redact('X-DS-Authorization: Bearer abc; other')).toBe('X-DS-Authorization: [redacted]; other');
  });

  it('blanks a list-valued header value (Go http.Header as JSON), whatever its scheme', () => {
    expect(redact('{"X-Ds-Authorization":["Bearer abc123"]}')).toBe('{"X-Ds-Authorization":["[redacted]"]}');
    expect(redact('{"Authorization": [ "Basic dXNlcjpwYXNz" ], "Accept": ["*/*"]}')).toBe(
      '{"Authorization": [ "[redacted]" ], "Accept": ["*/*"]}'
    );
    expect(redact('map[Authorization:[Basic dXNlcjpwYXNz] Accept:[*/*]]')).toBe(
      'map[Authorization:[[redacted]] Accept:[*/*]]'
    );
  });

  it('blanks OAuth2 token and secret values in JSON and form bodies', () => {
    expect(redact('{"access_token":"a1b2c3","token_type":"Bearer","expires_in":3600}')).toBe(
      '{"access_token":"[redacted]","token_type":"Bearer","expires_in":3600}'
    );
    expect(redact('{"refresh_token": "r-1", "id_token": "i-2"}')).toBe(
      '{"refresh_token": "[redacted]", "id_token": "[redacted]"}'
    );
    expect(redact('grant_type=client_credentials&client_secret=s3cr3t&client_id=abc')).toBe(
      'grant_type=client_credentials&client_secret=[redacted]&client_id=abc'
    );
    expect(redact('{"consumerKey":"key-1","consumerSecret":"sec-2"}')).toBe(
      '{"consumerKey":"key-1","consumerSecret":"[redacted]"}'
    );
    expect(redact('consumer_secret = hunter2 rest')).toBe('consumer_secret = [redacted] rest');
    expect(redact('access_token=tok&x=1')).toBe('access_token=[redacted]&x=1');
  });

  it('blanks bare JWTs', () => {
    expect(redact(`token ${JWT} expired`)).toBe('token [redacted] expired');
    expect(redact(`"${JWT}"`)).toBe('"[redacted]"');
  });

  it('blanks every credential of a text at once', () => {
    const echoed = `400 Bad Request: {"headers":{"Authorization":"Bearer ${JWT}"},"body":"client_secret=x1&access_token=${JWT}"}`;
    const out = redact(echoed);
    expect(out).toBe(
      '400 Bad Request: {"headers":{"Authorization":"[redacted]"},"body":"client_secret=[redacted]&access_token=[redacted]"}'
    );
  });

  it.each([
    'The Insights API rejected the request (HTTP 400). Response: Invalid granularity',
    'Unknown granularity "2h": choose auto, 1m, 15m, 1h, 1d, 7d.',
    'Check the consumer key, consumer secret and organization handle.',
    'The token endpoint could not be reached; authorization failed.',
    'query ApiUsage($timeFilter: TimeFilter!) { getAPIUsageOverTime { apiId } }',
    '{"timeFilter": {"from": "2026-11-24T00:00:00.000+05:30"}, "filter": {"apiIds": ["6e1a9f3c-2b7d"]}}',
    'eyJ alone, eyJabc.def without a third part',
    '',
  ])('leaves ordinary text unchanged: %j', (text) => {
    expect(redact(text)).toBe(text);
  });
});

import { settingProblem, urlProblem, validateSettings } from './validateSettings';

const valid = {
  consumerKey: 'key',
  orgHandle: 'demo-org',
  orgUuid: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42',
};

describe('validateSettings', () => {
  it('accepts a minimal valid configuration (endpoints default to Choreo)', () => {
    expect(validateSettings(valid, true)).toEqual([]);
  });

  it('names every missing required field, in page order', () => {
    expect(validateSettings({}, false).map((i) => i.message)).toEqual([
      'Consumer key is required.',
      'Consumer secret is required.',
      'Organization handle is required.',
      'Organization UUID is required.',
    ]);
  });

  it('treats whitespace-only values as missing', () => {
    expect(settingProblem('consumerKey', '   ')).toBe('Consumer key is required.');
  });

  it('skips the secret when the caller cannot know whether it is set', () => {
    expect(validateSettings(valid, undefined)).toEqual([]);
  });

  it('rejects an org handle where the UUID belongs and vice versa', () => {
    expect(settingProblem('orgUuid', 'demo-org')).toMatch(/must be a UUID like/);
    expect(settingProblem('orgHandle', 'demo org')).toBe('Organization handle must not contain spaces.');
  });

  it('accepts a UUID pasted with surrounding spaces or in upper case', () => {
    expect(settingProblem('orgUuid', ' 5B0D4E39-1C5A-4D3E-9F11-7A2C8E6B0D42 ')).toBeUndefined();
  });

  it.each([
    ['ftp://sts.choreo.dev/oauth2/token', 'Token URL must start with http:// or https:// (got ftp:).'],
    ['sts.choreo.dev/oauth2/token', 'Token URL must be a full URL such as https://example.com/path.'],
    ['https://sts.choreo.dev/oauth2/token?x=1', 'Token URL must not include a query string or fragment.'],
    [
      'https://u:p@sts.choreo.dev/oauth2/token',
      'Token URL must not include credentials; use the consumer key and secret fields.',
    ],
  ])('token URL %s → %s', (url, message) => {
    expect(urlProblem('tokenUrl', url)).toBe(message);
  });

  it('accepts http(s) URLs with paths and empty values (Choreo default)', () => {
    expect(urlProblem('apiUrl', 'http://127.0.0.1:4000/93tu/insights/1.0.0/query-api')).toBeUndefined();
    expect(urlProblem('apiUrl', '')).toBeUndefined();
  });

  it('checks scope syntax', () => {
    expect(settingProblem('scope', 'apim:api_manage openid')).toBeUndefined();
    expect(settingProblem('scope', 'apim:api_manage  "x"')).toMatch(/space-separated OAuth2 scope tokens/);
  });
});

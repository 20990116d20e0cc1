import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from '../constants';
import { EU_TOKEN_URL, regionOf, withRegion } from './regions';
import { endpointProblem, settingProblem, urlProblem, validateSettings } from './validateSettings';

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

describe('regions', () => {
  const EU_API = 'https://choreocontrolplane.eu.choreo.dev/abcd/insights/1.0.0/query-api';

  it('Choreo EU without an Insights API URL is refused, naming where to find it', () => {
    const issues = validateSettings({ ...valid, region: 'eu', tokenUrl: EU_TOKEN_URL, apiUrl: '' }, true);
    expect(issues.map((i) => i.key)).toEqual(['apiUrl']);
    expect(issues[0].message).toBe(
      'Choreo EU needs the Insights API URL, which WSO2 does not document. Copy it from the Developer Portal → ' +
        "your application's subscribed Insights API → Endpoints (host choreocontrolplane.eu.choreo.dev)."
    );
  });

  it('Choreo EU with its pasted URL is valid; a URL of another host or token endpoint is not', () => {
    const eu = { ...valid, region: 'eu' as const, tokenUrl: EU_TOKEN_URL };
    expect(validateSettings({ ...eu, apiUrl: EU_API }, true)).toEqual([]);
    expect(endpointProblem('apiUrl', { ...eu, apiUrl: DEFAULT_API_URL })).toMatch(
      /on choreocontrolplane.eu.choreo.dev/
    );
    expect(endpointProblem('tokenUrl', { ...eu, tokenUrl: DEFAULT_TOKEN_URL, apiUrl: EU_API })).toMatch(
      /uses the token URL https:\/\/sts.eu.choreo.dev/
    );
  });

  it('Choreo US with other endpoints asks for Custom; Custom takes any http(s) endpoint', () => {
    expect(endpointProblem('tokenUrl', { region: 'us', tokenUrl: 'http://127.0.0.1:4000/oauth2/token' })).toBe(
      `Choreo US uses the Token URL ${DEFAULT_TOKEN_URL}; choose Custom for another one.`
    );
    expect(endpointProblem('tokenUrl', { region: 'custom', tokenUrl: 'http://127.0.0.1:4000/oauth2/token' })).toBe(
      undefined
    );
    expect(endpointProblem('apiUrl', { region: 'custom', apiUrl: 'ftp://x/y' })).toMatch(/must start with http/);
  });

  it('refuses an unknown region value (hand-edited provisioning)', () => {
    expect(validateSettings({ ...valid, region: 'apac' as never }, true).map((i) => i.message)).toEqual([
      'Region must be us, eu or custom (got apac).',
    ]);
  });

  it('infers the region of settings saved without one from their endpoints', () => {
    expect(regionOf({})).toBe('us');
    expect(regionOf({ tokenUrl: DEFAULT_TOKEN_URL, apiUrl: DEFAULT_API_URL })).toBe('us');
    expect(regionOf({ tokenUrl: EU_TOKEN_URL, apiUrl: EU_API })).toBe('eu');
    expect(regionOf({ tokenUrl: EU_TOKEN_URL })).toBe('eu');
    expect(regionOf({ tokenUrl: 'http://choreo-emulator:4000/oauth2/token' })).toBe('custom');
    expect(regionOf({ region: 'custom' })).toBe('custom');
  });

  it('always writes concrete URLs for the route templates, keeping a pasted EU URL', () => {
    expect(withRegion({}, 'us')).toEqual({ region: 'us', tokenUrl: DEFAULT_TOKEN_URL, apiUrl: DEFAULT_API_URL });
    expect(withRegion({ apiUrl: EU_API }, 'eu')).toEqual({ region: 'eu', tokenUrl: EU_TOKEN_URL, apiUrl: EU_API });
    expect(withRegion({ apiUrl: DEFAULT_API_URL }, 'eu')).toEqual({ region: 'eu', tokenUrl: EU_TOKEN_URL, apiUrl: '' });
    expect(withRegion({ tokenUrl: EU_TOKEN_URL, apiUrl: EU_API }, 'custom')).toEqual({
      region: 'custom',
      tokenUrl: EU_TOKEN_URL,
      apiUrl: EU_API,
    });
  });
});

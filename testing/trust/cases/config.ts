import type { SettingKey } from '../../../src/settings/validateSettings';

/** One field of the config page and the message shown under it (undefined: accepted). */
export interface ConfigCase {
  name: string;
  key: SettingKey;
  value: string | undefined;
  /** Only the config page knows whether the secret is saved. */
  secretConfigured?: boolean;
  expected: string | undefined;
}

const UUID_MESSAGE =
  'Organization UUID must be a UUID like 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42 (Choreo Console → Settings).';

export const CONFIG_CASES: ConfigCase[] = [
  { name: 'empty consumer key', key: 'consumerKey', value: '', expected: 'Consumer key is required.' },
  { name: 'whitespace consumer key', key: 'consumerKey', value: ' \t ', expected: 'Consumer key is required.' },
  {
    name: 'consumer key with a space inside',
    key: 'consumerKey',
    value: 'abc def',
    expected: 'Consumer key must not contain spaces.',
  },
  { name: 'empty organization handle', key: 'orgHandle', value: '', expected: 'Organization handle is required.' },
  {
    name: 'whitespace organization handle',
    key: 'orgHandle',
    value: '\n',
    expected: 'Organization handle is required.',
  },
  { name: 'empty organization UUID', key: 'orgUuid', value: '', expected: 'Organization UUID is required.' },
  { name: 'org handle given as the UUID', key: 'orgUuid', value: 'demo-org', expected: UUID_MESSAGE },
  {
    name: 'UUID one digit short',
    key: 'orgUuid',
    value: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d4',
    expected: UUID_MESSAGE,
  },
  { name: 'UUID with braces', key: 'orgUuid', value: '{5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42}', expected: UUID_MESSAGE },
  {
    name: 'UUID with padding is trimmed',
    key: 'orgUuid',
    value: ' 5B0D4E39-1C5A-4D3E-9F11-7A2C8E6B0D42 ',
    expected: undefined,
  },
  {
    name: 'secret not saved',
    key: 'consumerSecret',
    value: undefined,
    secretConfigured: false,
    expected: 'Consumer secret is required.',
  },
  {
    name: 'ftp token URL',
    key: 'tokenUrl',
    value: 'ftp://sts.choreo.dev/oauth2/token',
    expected: 'Token URL must start with http:// or https:// (got ftp:).',
  },
  {
    name: 'token URL without scheme',
    key: 'tokenUrl',
    value: 'sts.choreo.dev/oauth2/token',
    expected: 'Token URL must be a full URL such as https://example.com/path.',
  },
  {
    name: 'javascript: API URL',
    key: 'apiUrl',
    value: 'javascript:alert(1)',
    expected: 'Insights API URL must start with http:// or https:// (got javascript:).',
  },
  {
    name: 'API URL with a query string',
    key: 'apiUrl',
    value: 'https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api?org=x',
    expected: 'Insights API URL must not include a query string or fragment.',
  },
  {
    name: 'API URL with a fragment',
    key: 'apiUrl',
    value: 'https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api#graphiql',
    expected: 'Insights API URL must not include a query string or fragment.',
  },
  {
    name: 'token URL with credentials',
    key: 'tokenUrl',
    value: 'https://key:secret@sts.choreo.dev/oauth2/token',
    expected: 'Token URL must not include credentials; use the consumer key and secret fields.',
  },
  { name: 'whitespace API URL means the default', key: 'apiUrl', value: '   ', expected: undefined },
  {
    name: 'scope with quotes',
    key: 'scope',
    value: 'apim:api_manage "admin"',
    expected: 'Scope must be space-separated OAuth2 scope tokens, e.g. apim:api_manage.',
  },
  { name: 'tenant with a space', key: 'tenant', value: 'carbon super', expected: 'Tenant must not contain spaces.' },
  {
    name: 'default environment with a space',
    key: 'defaultEnvironmentId',
    value: 'env 1',
    expected: 'Default environment must not contain spaces.',
  },
];

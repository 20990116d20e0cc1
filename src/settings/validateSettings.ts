import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from '../constants';
import type { ChoreoOptions } from '../options';
import { EU_API_HOST, EU_API_URL_HINT, EU_TOKEN_URL, isEuApiUrl, isRegion, regionInfo, regionOf } from './regions';

/** Every setting the config page edits; `consumerSecret` lives in secureJsonData. */
export type SettingKey =
  | 'consumerKey'
  | 'consumerSecret'
  | 'orgHandle'
  | 'orgUuid'
  | 'tenant'
  | 'defaultEnvironmentId'
  | 'region'
  | 'tokenUrl'
  | 'apiUrl'
  | 'scope';

export const SETTING_LABELS: Record<SettingKey, string> = {
  consumerKey: 'Consumer key',
  consumerSecret: 'Consumer secret',
  orgHandle: 'Organization handle',
  orgUuid: 'Organization UUID',
  tenant: 'Tenant',
  defaultEnvironmentId: 'Default environment',
  region: 'Region',
  tokenUrl: 'Token URL',
  apiUrl: 'Insights API URL',
  scope: 'Scope',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function required(key: SettingKey, value: string | undefined): string | undefined {
  return value?.trim() ? undefined : `${SETTING_LABELS[key]} is required.`;
}

function noInnerSpace(key: SettingKey, value: string): string | undefined {
  return /\s/.test(value.trim()) ? `${SETTING_LABELS[key]} must not contain spaces.` : undefined;
}

/** http(s) URL with a host and no query or fragment (Grafana appends nothing after it). */
export function urlProblem(key: SettingKey, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) {
    return undefined; // empty = Choreo's public endpoint
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `${SETTING_LABELS[key]} must be a full URL such as https://example.com/path.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${SETTING_LABELS[key]} must start with http:// or https:// (got ${url.protocol}).`;
  }
  if (!url.hostname) {
    return `${SETTING_LABELS[key]} must include a host name.`;
  }
  if (url.search || url.hash) {
    return `${SETTING_LABELS[key]} must not include a query string or fragment.`;
  }
  if (url.username || url.password) {
    return `${SETTING_LABELS[key]} must not include credentials; use the consumer key and secret fields.`;
  }
  return undefined;
}

/**
 * The message for one setting, or undefined when it is fine. The config page shows it under
 * the field; the health check refuses to call Choreo while any setting has one.
 */
export function settingProblem(
  key: SettingKey,
  value: string | undefined,
  secretConfigured?: boolean
): string | undefined {
  switch (key) {
    case 'consumerKey':
    case 'orgHandle':
      return required(key, value) ?? noInnerSpace(key, value!);
    case 'consumerSecret':
      // undefined: the caller cannot know (a DataSource instance never sees secureJsonFields).
      return secretConfigured !== false || value?.trim() ? undefined : `${SETTING_LABELS[key]} is required.`;
    case 'orgUuid': {
      const missing = required(key, value);
      if (missing) {
        return missing;
      }
      return UUID.test(value!.trim())
        ? undefined
        : `${SETTING_LABELS[key]} must be a UUID like 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42 (Choreo Console → Settings).`;
    }
    case 'tenant':
    case 'defaultEnvironmentId':
      return value && value.trim() ? noInnerSpace(key, value) : undefined;
    case 'region':
      return value === undefined || value === '' || isRegion(value)
        ? undefined
        : `${SETTING_LABELS[key]} must be us, eu or custom (got ${value}).`;
    case 'tokenUrl':
    case 'apiUrl':
      return urlProblem(key, value);
    case 'scope':
      return value && value.trim() && !/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(value.trim())
        ? `${SETTING_LABELS[key]} must be space-separated OAuth2 scope tokens, e.g. apim:api_manage.`
        : undefined;
  }
}

/**
 * A token or Insights API URL against the region: its syntax first, then what the region fixes.
 * Choreo EU's Insights API URL is not documented by WSO2, so it must be pasted; a URL of another
 * region would send the credentials where they are not valid (Custom allows any endpoints).
 */
export function endpointProblem(key: 'tokenUrl' | 'apiUrl', jsonData: ChoreoOptions): string | undefined {
  const value = jsonData[key]?.trim();
  const syntax = urlProblem(key, value);
  if (syntax) {
    return syntax;
  }
  const region = regionOf(jsonData);
  const label = regionInfo(region).label;
  if (region === 'eu') {
    if (key === 'apiUrl' && !value) {
      return `${label} needs the Insights API URL, which WSO2 does not document. Copy it from the ${EU_API_URL_HINT}`;
    }
    if (key === 'apiUrl' && !isEuApiUrl(value)) {
      return `${label}'s Insights API is on ${EU_API_HOST}; choose Custom for another host.`;
    }
    if (key === 'tokenUrl' && value && value !== EU_TOKEN_URL) {
      return `${label} uses the token URL ${EU_TOKEN_URL}; choose Custom for another one.`;
    }
  }
  if (region === 'us') {
    const fixed = key === 'tokenUrl' ? DEFAULT_TOKEN_URL : DEFAULT_API_URL;
    if (value && value !== fixed) {
      return `${label} uses the ${SETTING_LABELS[key]} ${fixed}; choose Custom for another one.`;
    }
  }
  return undefined;
}

export interface SettingIssue {
  key: SettingKey;
  message: string;
}

/**
 * All problems with a data source's settings, in the order the config page shows the fields.
 * `secretConfigured` undefined skips the secret: only the config page knows whether it is set.
 */
export function validateSettings(jsonData: ChoreoOptions, secretConfigured: boolean | undefined): SettingIssue[] {
  const keys: SettingKey[] = [
    'consumerKey',
    'consumerSecret',
    'orgHandle',
    'orgUuid',
    'tenant',
    'defaultEnvironmentId',
    'region',
    'tokenUrl',
    'apiUrl',
    'scope',
  ];
  const issues: SettingIssue[] = [];
  for (const key of keys) {
    const value = key === 'consumerSecret' ? undefined : jsonData[key];
    const message =
      key === 'tokenUrl' || key === 'apiUrl'
        ? endpointProblem(key, jsonData)
        : settingProblem(key, value === undefined ? undefined : String(value), secretConfigured);
    if (message) {
      issues.push({ key, message });
    }
  }
  return issues;
}

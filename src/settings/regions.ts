import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from '../constants';
import type { ChoreoOptions, ChoreoRegion } from '../options';

/** Choreo's EU control plane. WSO2 documents its STS but not the Insights API path. */
export const EU_TOKEN_URL = 'https://sts.eu.choreo.dev/oauth2/token';
export const EU_API_HOST = 'choreocontrolplane.eu.choreo.dev';

/** Where an EU user finds the Insights API URL (WSO2 does not document it). */
export const EU_API_URL_HINT = `Developer Portal → your application's subscribed Insights API → Endpoints (host ${EU_API_HOST}).`;

export interface RegionInfo {
  value: ChoreoRegion;
  label: string;
  description: string;
  /** Fixed endpoints of the region; absent = the user types it. */
  tokenUrl?: string;
  apiUrl?: string;
}

export const REGIONS: RegionInfo[] = [
  {
    value: 'us',
    label: 'Choreo US',
    description: 'Choreo cloud, US control plane (choreo.dev)',
    tokenUrl: DEFAULT_TOKEN_URL,
    apiUrl: DEFAULT_API_URL,
  },
  {
    value: 'eu',
    label: 'Choreo EU',
    description: 'Choreo cloud, EU control plane (eu.choreo.dev): paste the Insights API URL',
    tokenUrl: EU_TOKEN_URL,
  },
  { value: 'custom', label: 'Custom', description: 'Any token endpoint and Insights API URL' },
];

export function regionInfo(region: ChoreoRegion): RegionInfo {
  return REGIONS.find((r) => r.value === region) ?? REGIONS[REGIONS.length - 1];
}

export function isRegion(value: unknown): value is ChoreoRegion {
  return REGIONS.some((r) => r.value === value);
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url.trim()).hostname : undefined;
  } catch {
    return undefined;
  }
}

export function isEuApiUrl(url: string | undefined): boolean {
  return hostOf(url) === EU_API_HOST;
}

/**
 * The region the config page shows: the stored one, else the one the endpoints match (data
 * sources saved before the region existed, and provisioning files that only set the URLs).
 */
export function regionOf(jsonData: ChoreoOptions): ChoreoRegion {
  if (isRegion(jsonData.region)) {
    return jsonData.region;
  }
  const token = jsonData.tokenUrl?.trim() || DEFAULT_TOKEN_URL;
  const api = jsonData.apiUrl?.trim() || DEFAULT_API_URL;
  if (token === DEFAULT_TOKEN_URL && api === DEFAULT_API_URL) {
    return 'us';
  }
  if (token === EU_TOKEN_URL && (!jsonData.apiUrl?.trim() || isEuApiUrl(api))) {
    return 'eu';
  }
  return 'custom';
}

/**
 * jsonData after choosing a region. The concrete URLs are always written: plugin.json's route
 * renders `.JsonData.tokenUrl` / `.JsonData.apiUrl` with Go templates and cannot run plugin code.
 * EU keeps an EU API URL already pasted; Custom starts from the endpoints in use.
 */
export function withRegion(jsonData: ChoreoOptions, region: ChoreoRegion): ChoreoOptions {
  const info = regionInfo(region);
  switch (region) {
    case 'us':
      return { ...jsonData, region, tokenUrl: info.tokenUrl, apiUrl: info.apiUrl };
    case 'eu':
      return {
        ...jsonData,
        region,
        tokenUrl: info.tokenUrl,
        apiUrl: isEuApiUrl(jsonData.apiUrl) ? jsonData.apiUrl : '',
      };
    case 'custom':
      return {
        ...jsonData,
        region,
        tokenUrl: jsonData.tokenUrl?.trim() || DEFAULT_TOKEN_URL,
        apiUrl: jsonData.apiUrl?.trim() || DEFAULT_API_URL,
      };
  }
}

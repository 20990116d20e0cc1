import type { DataSourceJsonData } from '@grafana/data';

/** Which Choreo control plane the endpoints belong to; `custom` = any endpoints. */
export type ChoreoRegion = 'us' | 'eu' | 'custom';

/**
 * Settings stored in the data source's jsonData. jsonData is readable by every user of the
 * Grafana org, so it holds identifiers only. Never add a field named `authenticationType`: a
 * non-empty value makes Grafana's proxy switch the route to another auth provider and drop the
 * token.
 */
export interface ChoreoOptions extends DataSourceJsonData {
  /** OAuth2 client id of the Choreo application subscribed to the Insights API. */
  consumerKey?: string;
  /** Organization handle, sent to the STS as `orgHandle`. */
  orgHandle?: string;
  /** Organization UUID, the `orgId` of every Insights `dataFilter`. */
  orgUuid?: string;
  /** Tenant of every `dataFilter`; Choreo cloud always uses `carbon.super`. */
  tenant?: string;
  /** Environment used by queries that do not pick one. */
  defaultEnvironmentId?: string;
  /**
   * The config page's region choice. The route never reads it: it uses tokenUrl and apiUrl,
   * which the config page writes for every region. Absent: inferred from those URLs.
   */
  region?: ChoreoRegion;
  /** Token endpoint; empty means Choreo's STS. */
  tokenUrl?: string;
  /** Insights GraphQL endpoint; empty means Choreo's public endpoint. */
  apiUrl?: string;
  /** OAuth2 scope; empty means `apim:api_manage`. */
  scope?: string;
  /** Seconds a successful query answer is reused for identical requests; 0 or absent = off. */
  resultCacheTtlSeconds?: number;
  /** Panels started in the same moment share one request; false turns that off. Default on. */
  coalesceRequests?: boolean;
  /** Incremental refresh of time series: minutes of recent buckets fetched again; 0 turns it off. */
  incrementalOverlapMinutes?: number;
}

/** Write-only settings: Grafana's backend reads them, the browser never gets them back. */
export interface ChoreoSecureOptions {
  consumerSecret?: string;
}

/**
 * Test utilities that stand in for Grafana around a frontend data source plugin. Safe to import
 * under `@jest-environment node`; `installBackendSrv` lives in ./installBackendSrv (needs jsdom).
 */
export { startGrafanaProxy, loadPluginJson, PLUGIN_NOT_REGISTERED } from './proxyServer';
export type {
  BackendHealthResult,
  GrafanaProxy,
  GrafanaProxyOptions,
  ProxyDatasource,
  ProxyStats,
  UpstreamRequestRecord,
} from './proxyServer';
export { nodeBackendSrv, TestBackendSrv } from './backendSrv';
export type { FetchTransport, SentRequest, TestBackendSrvOptions } from './backendSrv';
export { interpolateGoTemplate, GoTemplateError, GoTemplateUnsupportedError } from './goTemplate';
export { JsonNumber, decodeJsonUseNumber } from './goValues';
export type { TemplateData } from './goTemplate';
export { matchRoute, applyRoute, cleanRelativePath, joinURLFragments } from './routes';
export type { PluginRoute, OrgRole } from './routes';
export { decodeToken, TOKEN_REQUEST_TIMEOUT_MS } from './tokenProvider';

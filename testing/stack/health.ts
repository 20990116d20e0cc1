import type { TestDataSourceResponse } from '@grafana/data';

import { classifyBackendHealth, combineHealth } from '../../src/health/bothPaths';
import { PLUGIN_NOT_REGISTERED, type TestBackendSrv } from '../grafana-proxy';

/**
 * What "Save & test" answers when the browser's check through the proxy gives `browser`. These
 * stacks run no plugin backend, so Grafana's health endpoint says "Plugin not found" and the
 * alerting half reads "not running"; src/health/bothPaths.test.ts specifies the combination,
 * these specs the browser's half.
 */
export function withoutBackend(browser: TestDataSourceResponse): TestDataSourceResponse {
  return combineHealth(browser, classifyBackendHealth(404, PLUGIN_NOT_REGISTERED));
}

/** The browser's requests through Grafana's data source proxy (not Grafana's own API). */
export function proxyRequests(browser: TestBackendSrv) {
  return browser.requests.filter((r) => r.url.includes('/api/datasources/proxy/'));
}

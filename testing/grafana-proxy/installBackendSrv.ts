/**
 * Registers a TestBackendSrv as Grafana's backend service for the plugin's code under test.
 * Kept apart from backendSrv.ts because importing @grafana/runtime needs a DOM: use it from specs
 * running under `@jest-environment jsdom` (the default in this repository's jest config).
 */
import { setBackendSrv } from '@grafana/runtime';

import { TestBackendSrv } from './backendSrv';

export function installBackendSrv(srv: TestBackendSrv): TestBackendSrv {
  setBackendSrv(srv);
  return srv;
}

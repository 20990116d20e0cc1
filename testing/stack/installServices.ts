/**
 * Installs the BackendSrv and the TemplateSrv where the plugin's code finds them
 * (getBackendSrv, getTemplateSrv). Kept apart from startStack.ts, which loads it only when a
 * browser is wanted: importing @grafana/runtime needs a DOM.
 */
import { setBackendSrv, setTemplateSrv, type TemplateSrv } from '@grafana/runtime';

import type { TestBackendSrv } from '../fakes/backendSrv';

export function installServices(backendSrv: TestBackendSrv, templateSrv: TemplateSrv): void {
  setBackendSrv(backendSrv);
  setTemplateSrv(templateSrv);
}

/**
 * Grafana's DataSourceSrv, reduced to the one data source of the page: `get(uid)` answers the
 * instance built from the last saved settings, as Grafana's does after a save reloads it. The
 * config page's environment select lists environments through it.
 */
import type { DataSourceApi, DataSourceInstanceSettings, DataSourceRef } from '@grafana/data';
import type { DataSourceSrv } from '@grafana/runtime';

import type { SandboxDataSource } from './createDataSource';

let current: { ds: SandboxDataSource; settings: DataSourceInstanceSettings } | undefined;

/** Called whenever the page builds a new instance (page load, Save & test). */
export function setCurrentDataSource(ds: SandboxDataSource, settings: DataSourceInstanceSettings): void {
  current = { ds, settings };
}

function matches(ref: DataSourceRef | string | null | undefined): boolean {
  const uid = typeof ref === 'string' ? ref : ref?.uid;
  return Boolean(current) && (!uid || uid === current?.settings.uid);
}

export const sandboxDataSourceSrv: DataSourceSrv = {
  async get(ref) {
    if (!current || !matches(ref)) {
      throw new Error(`Data source ${JSON.stringify(ref ?? null)} not found`);
    }
    return current.ds as unknown as DataSourceApi;
  },
  getList: () => (current ? [current.settings] : []),
  getInstanceSettings: (ref) => (current && matches(ref) ? current.settings : undefined),
  reload: async () => undefined,
  registerRuntimeDataSource: () => undefined,
};

/**
 * Builds the plugin's data source the way Grafana does: the class registered in src/module.ts,
 * constructed from instance settings whose url is the data source proxy path.
 */
import { plugin } from '../../src/module';
import { setCurrentDataSource } from './dataSourceSrv';
import { instanceSettings, type Settings } from './datasourceSettings';

export type SandboxDataSource = InstanceType<NonNullable<typeof plugin.DataSourceClass>>;

export function createDataSource(settings: Settings, instanceUrl: string): SandboxDataSource {
  const DataSourceClass = plugin.DataSourceClass;
  const saved = instanceSettings(settings, instanceUrl);
  const ds = new DataSourceClass(saved);
  // What getDataSourceSrv().get(uid) answers from now on, as after a save in Grafana.
  setCurrentDataSource(ds, saved);
  return ds;
}

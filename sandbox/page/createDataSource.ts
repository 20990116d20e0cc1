/**
 * Builds the plugin's data source the way Grafana does: the class registered in src/module.ts,
 * constructed from instance settings whose url is the data source proxy path.
 */
import { plugin } from '../../src/module';
import { instanceSettings, type Settings } from './datasourceSettings';

export type SandboxDataSource = InstanceType<NonNullable<typeof plugin.DataSourceClass>>;

export function createDataSource(settings: Settings, instanceUrl: string): SandboxDataSource {
  const DataSourceClass = plugin.DataSourceClass;
  return new DataSourceClass(instanceSettings(settings, instanceUrl));
}

/** @jest-environment node */
import { loadCompose } from './lib/compose';
import {
  checkDashboardProviders,
  checkDataSourceFiles,
  EMULATOR_DS_FILE,
  EMULATOR_DS_UID,
  loadDataSources,
} from './lib/provisioning';
import { listFiles, readText } from './lib/repo';

describe('provisioning', () => {
  const compose = loadCompose();

  it('data source files have what Grafana requires and point at the emulator service', () => {
    expect(checkDataSourceFiles(compose)).toEqual([]);
  });

  it('dashboard providers point at a mounted folder of dashboards', () => {
    expect(checkDashboardProviders(compose)).toEqual([]);
  });

  it('provisions the emulator data source under its fixed uid', () => {
    expect(loadDataSources(EMULATOR_DS_FILE).map((ds) => ds.uid)).toEqual([EMULATOR_DS_UID]);
  });

  it('keeps the real-Choreo example where Grafana does not load it', () => {
    const loaded = [...listFiles('provisioning/datasources', /./), ...listFiles('provisioning/dashboards', /./)];
    expect(loaded.filter((f) => readText(f).includes('$CHOREO_'))).toEqual([]);
    expect(listFiles('provisioning/examples', /\.ya?ml$/)).not.toEqual([]);
  });
});

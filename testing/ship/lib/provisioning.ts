import type { DataSourceJsonData } from '@grafana/data';
import fs from 'node:fs';

import type { ChoreoOptions, ChoreoSecureOptions } from '../../../src/options';
import { containerToRepoPath, EMULATOR_SERVICE, type ComposeFile } from './compose';
import { listFiles, PLUGIN_ID, readYaml, repoPath } from './repo';

export const DATASOURCES_DIR = 'provisioning/datasources';
export const DASHBOARD_PROVIDERS_DIR = 'provisioning/dashboards';
export const EXAMPLES_DIR = 'provisioning/examples';
export const EMULATOR_DS_FILE = `${DATASOURCES_DIR}/choreo-emulator.yaml`;
export const EMULATOR_DS_UID = 'choreo-insights-emulator';

/** The plugin's own jsonData keys; `satisfies` fails to compile when options.ts gains or loses one. */
const JSON_DATA_KEYS = {
  consumerKey: true,
  orgHandle: true,
  orgUuid: true,
  tenant: true,
  defaultEnvironmentId: true,
  region: true,
  tokenUrl: true,
  apiUrl: true,
  scope: true,
  resultCacheTtlSeconds: true,
  coalesceRequests: true,
  incrementalOverlapMinutes: true,
} satisfies Record<Exclude<keyof ChoreoOptions, keyof DataSourceJsonData>, true>;
const SECURE_KEYS = { consumerSecret: true } satisfies Record<keyof ChoreoSecureOptions, true>;

export interface ProvisionedDataSource {
  name: string;
  type: string;
  uid: string;
  access: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, unknown>;
}

interface DataSourcesFile {
  apiVersion: number;
  datasources: ProvisionedDataSource[];
}

interface ProvidersFile {
  apiVersion: number;
  providers: Array<{ name: string; type?: string; options?: { path?: string } }>;
}

function checkDataSource(file: string, ds: ProvisionedDataSource): string[] {
  const problems: string[] = [];
  for (const field of ['name', 'type', 'access', 'uid'] as const) {
    if (typeof ds[field] !== 'string' || ds[field] === '') {
      problems.push(`${file}: datasource needs a ${field}`);
    }
  }
  if (ds.type !== PLUGIN_ID) {
    problems.push(`${file}: ${ds.name}: type must be ${PLUGIN_ID}`);
  }
  // The plugin calls Grafana's data source proxy; `direct` would send the browser to Choreo.
  if (ds.access !== 'proxy') {
    problems.push(`${file}: ${ds.name}: access must be proxy`);
  }
  for (const key of Object.keys(ds.jsonData ?? {})) {
    if (!(key in JSON_DATA_KEYS)) {
      problems.push(`${file}: ${ds.name}: unknown jsonData key ${key}`);
    }
  }
  for (const key of Object.keys(ds.secureJsonData ?? {})) {
    if (!(key in SECURE_KEYS)) {
      problems.push(`${file}: ${ds.name}: unknown secureJsonData key ${key}`);
    }
  }
  return problems;
}

export function loadDataSources(file: string): ProvisionedDataSource[] {
  const doc = readYaml<DataSourcesFile>(file);
  return Array.isArray(doc?.datasources) ? doc.datasources : [];
}

/** Data source files Grafana loads and the example it must not load. */
export function checkDataSourceFiles(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const files = listFiles(DATASOURCES_DIR, /\.ya?ml$/);
  const seenUids = new Set<string>();
  for (const file of files) {
    const doc = readYaml<DataSourcesFile>(file);
    if (doc?.apiVersion !== 1) {
      problems.push(`${file}: apiVersion must be 1`);
    }
    if (!Array.isArray(doc?.datasources) || doc.datasources.length === 0) {
      problems.push(`${file}: no datasources`);
      continue;
    }
    for (const ds of doc.datasources) {
      problems.push(...checkDataSource(file, ds));
      if (seenUids.has(ds.uid)) {
        problems.push(`${file}: duplicate uid ${ds.uid}`);
      }
      seenUids.add(ds.uid);
    }
  }

  const emulator = loadDataSources(EMULATOR_DS_FILE).find((ds) => ds.uid === EMULATOR_DS_UID);
  if (!emulator) {
    problems.push(`${EMULATOR_DS_FILE}: no data source with uid ${EMULATOR_DS_UID}`);
  } else {
    // Grafana's backend resolves these on the compose network, so they must name the service.
    for (const key of ['tokenUrl', 'apiUrl']) {
      const url = String(emulator.jsonData?.[key] ?? '');
      if (!url.startsWith(`http://${EMULATOR_SERVICE}:4000/`)) {
        problems.push(`${EMULATOR_DS_FILE}: jsonData.${key} must point at http://${EMULATOR_SERVICE}:4000/`);
      }
    }
    if (!compose.services[EMULATOR_SERVICE]) {
      problems.push(`docker-compose.yaml: no ${EMULATOR_SERVICE} service for ${EMULATOR_DS_FILE}`);
    }
  }

  for (const file of listFiles(EXAMPLES_DIR, /\.ya?ml$/)) {
    const doc = readYaml<DataSourcesFile>(file);
    for (const ds of doc?.datasources ?? []) {
      problems.push(...checkDataSource(file, ds));
      // Real credentials come from the Grafana server's environment, never from the repository.
      for (const [key, value] of Object.entries({ ...ds.jsonData, ...ds.secureJsonData })) {
        if (
          ['consumerKey', 'consumerSecret', 'orgHandle', 'orgUuid'].includes(key) &&
          !/^\$\{?CHOREO_\w+\}?$/.test(String(value))
        ) {
          problems.push(`${file}: ${key} must come from a $CHOREO_* environment variable`);
        }
      }
    }
  }
  return problems;
}

/** Dashboard providers: required fields, and a path that is a mounted folder of dashboards. */
export function checkDashboardProviders(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const files = listFiles(DASHBOARD_PROVIDERS_DIR, /\.ya?ml$/);
  if (files.length === 0) {
    problems.push(`${DASHBOARD_PROVIDERS_DIR}: no provider file`);
  }
  for (const file of files) {
    const doc = readYaml<ProvidersFile>(file);
    if (doc?.apiVersion !== 1) {
      problems.push(`${file}: apiVersion must be 1`);
    }
    for (const provider of doc?.providers ?? []) {
      const containerPath = provider.options?.path;
      if (!provider.name || !containerPath) {
        problems.push(`${file}: providers[] need name and options.path`);
        continue;
      }
      if ((provider.type ?? 'file') !== 'file') {
        problems.push(`${file}: ${provider.name}: type must be file`);
      }
      const hostPath = containerToRepoPath(compose, containerPath);
      if (!hostPath) {
        problems.push(`${file}: ${provider.name}: ${containerPath} is not mounted by docker-compose.yaml`);
      } else if (!fs.existsSync(repoPath(hostPath)) || listFiles(hostPath, /\.json$/).length === 0) {
        problems.push(`${file}: ${provider.name}: ${hostPath} holds no dashboards`);
      }
    }
  }
  return problems;
}

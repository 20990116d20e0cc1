import { setTemplateSrv } from '@grafana/runtime';

import { TemplateSrvFake } from '../../../testing/fakes/templateSrv';
import type { DataSource } from '../../datasource';
import type { ApiInfo, ApplicationInfo, EnvironmentInfo } from '../../metadata/metadataService';
import type { MetadataLists } from '../fields/metadataLists';

export const ENVIRONMENTS: EnvironmentInfo[] = [
  { id: 'env-prod', name: 'Production', type: 'CHOREO' },
  { id: 'env-dev', name: 'Development', type: 'CHOREO' },
];

export const APIS: Record<string, ApiInfo[]> = {
  'env-prod': [
    { id: 'api-orders', name: 'Orders API', version: 'v1', provider: 'alice' },
    { id: 'api-pets', name: 'Pets API', version: 'v2', provider: 'bob' },
  ],
  'env-dev': [{ id: 'api-dev-only', name: 'Sandbox API', version: 'v0', provider: 'carol' }],
};

export const APPLICATIONS: Record<string, ApplicationInfo[]> = {
  'env-prod': [{ id: 'app-shop', name: 'Shop', owner: 'alice' }],
  'env-dev': [{ id: 'app-lab', name: 'Lab', owner: 'carol' }],
};

/** A metadata service answering from the lists above; calls are recorded for assertions. */
export function fakeMetadata(): jest.Mocked<MetadataLists> {
  return {
    environments: jest.fn(async () => ENVIRONMENTS),
    apis: jest.fn(async (env: string) => APIS[env] ?? []),
    applications: jest.fn(async (env: string) => APPLICATIONS[env] ?? []),
  };
}

/**
 * The two DataSource members the editor reads. The real DataSource needs instance settings and
 * a client; the editor only lists metadata and reads the default environment.
 */
export function fakeDataSource(metadata: MetadataLists, defaultEnvironmentId = 'env-prod'): DataSource {
  // The cast is why this helper exists: the editor's contract is these two members.
  return { metadata, settings: { defaultEnvironmentId } } as unknown as DataSource;
}

/** Installs the TemplateSrv fake with the given dashboard variables (name → current value). */
export function installTemplateVariables(vars: Record<string, string | string[]>): TemplateSrvFake {
  const srv = new TemplateSrvFake(vars);
  setTemplateSrv(srv);
  return srv;
}

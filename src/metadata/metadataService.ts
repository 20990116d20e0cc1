import type { InsightsClient } from '../client/graphqlClient';
import type { ResolvedSettings } from '../settings/resolveSettings';

export interface EnvironmentInfo {
  id: string;
  name: string;
}
export interface ApiInfo {
  id: string;
  name: string;
  version: string;
  provider: string;
}
export interface ApplicationInfo {
  id: string;
  name: string;
  owner: string;
}

/**
 * Lists used for names and selects (environments, APIs, applications), cached per data source
 * instance. Owned by the builder-queries work; this is the contract.
 */
export class MetadataService {
  constructor(
    protected readonly client: InsightsClient,
    protected readonly settings: ResolvedSettings
  ) {}

  async environments(): Promise<EnvironmentInfo[]> {
    return [];
  }

  async apis(_environmentId: string): Promise<ApiInfo[]> {
    return [];
  }

  async applications(_environmentId: string): Promise<ApplicationInfo[]> {
    return [];
  }
}

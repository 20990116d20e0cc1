import {
  DataSourceApi,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';

import { InsightsClient } from './client/graphqlClient';
import { checkHealth } from './health/checkHealth';
import type { ChoreoOptions } from './options';
import { resolveSettings, type ResolvedSettings } from './settings/resolveSettings';
import type { ChoreoQuery } from './types';

export class DataSource extends DataSourceApi<ChoreoQuery, ChoreoOptions> {
  readonly settings: ResolvedSettings;
  readonly client: InsightsClient;
  private readonly jsonData: ChoreoOptions;

  constructor(instanceSettings: DataSourceInstanceSettings<ChoreoOptions>) {
    super(instanceSettings);
    this.jsonData = instanceSettings.jsonData ?? {};
    this.settings = resolveSettings(this.jsonData);
    this.client = new InsightsClient(instanceSettings.url ?? '', {
      apiUrl: this.settings.apiUrl,
      tokenUrl: this.settings.tokenUrl,
    });
  }

  async query(_request: DataQueryRequest<ChoreoQuery>): Promise<DataQueryResponse> {
    return { data: [] };
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return checkHealth(this.jsonData, this.settings, this.client);
  }
}

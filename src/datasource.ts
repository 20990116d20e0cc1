import {
  DataSourceApi,
  type CoreApp,
  type DataQueryRequest,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';

import { choreoAnnotationSupport } from './annotations/ChoreoAnnotationSupport';
import { InsightsClient } from './client/graphqlClient';
import { checkHealth } from './health/checkHealth';
import { MetadataService } from './metadata/metadataService';
import type { ChoreoOptions } from './options';
import { DEFAULT_QUERY } from './queries/defaults';
import { PanelQueryRunner, type QueryResponse } from './queries/batch/panelQueryRunner';
import type { QueryDeps } from './queries/queryDeps';
import { resultCacheTtlMs } from './settings/resultCacheTtl';
import { resolveSettings, type ResolvedSettings } from './settings/resolveSettings';
import type { ChoreoQuery } from './types';
import { ChoreoVariableSupport } from './variables/ChoreoVariableSupport';

export class DataSource extends DataSourceApi<ChoreoQuery, ChoreoOptions> {
  readonly settings: ResolvedSettings;
  readonly client: InsightsClient;
  readonly metadata: MetadataService;
  private readonly jsonData: ChoreoOptions;
  private readonly panels = new PanelQueryRunner();

  constructor(instanceSettings: DataSourceInstanceSettings<ChoreoOptions>) {
    super(instanceSettings);
    this.jsonData = instanceSettings.jsonData ?? {};
    this.settings = resolveSettings(this.jsonData);
    this.client = new InsightsClient(
      instanceSettings.url ?? '',
      { apiUrl: this.settings.apiUrl, tokenUrl: this.settings.tokenUrl },
      undefined,
      { resultCacheTtlMs: resultCacheTtlMs(this.jsonData) }
    );
    this.metadata = new MetadataService(this.client, this.settings);
    this.variables = new ChoreoVariableSupport(this);
    this.annotations = choreoAnnotationSupport(this);
  }

  /** Everything query execution needs; templateSrv is looked up per call so tests can swap it. */
  deps(): QueryDeps {
    return { client: this.client, settings: this.settings, templateSrv: getTemplateSrv(), metadata: this.metadata };
  }

  /** A new panel shows data without typing: the console's API request summary. */
  getDefaultQuery(_app: CoreApp): Partial<ChoreoQuery> {
    return DEFAULT_QUERY;
  }

  /** One POST per panel run (targets batched); a newer run of the panel cancels this one. */
  query(request: DataQueryRequest<ChoreoQuery>): QueryResponse {
    return this.panels.query(request, () => this.deps());
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    // Dashboards (the route, through Grafana's proxy) and alerting (the plugin backend, through
    // Grafana's health endpoint). Loaded on demand: only "Save & test" needs it.
    const { testBothPaths } = await import('./health/bothPaths');
    return testBothPaths(this, () => checkHealth(this.jsonData, this.settings, this.client));
  }
}

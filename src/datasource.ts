import {
  DataSourceApi,
  type CoreApp,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import type { Observable } from 'rxjs';

import { choreoAnnotationSupport } from './annotations/ChoreoAnnotationSupport';
import { InsightsClient } from './client/insightsClient';
import { checkHealth } from './health/checkHealth';
import { MetadataService } from './metadata/metadataService';
import type { ChoreoOptions } from './options';
import { defaultQueryFor } from './queryModel/defaults';
import type { DocumentMerger } from './runner/batch/documentMerger';
import type { RunnerDeps } from './runner/deps';
import { runPanel, type RunOptions } from './runner/runPanel';
import { resultCacheTtlMs } from './settings/resultCacheTtl';
import { resolveSettings, type ResolvedSettings } from './settings/resolveSettings';
import type { ChoreoQuery } from './types';
import { ChoreoVariableSupport } from './variables/ChoreoVariableSupport';

export class DataSource extends DataSourceApi<ChoreoQuery, ChoreoOptions> {
  readonly settings: ResolvedSettings;
  readonly client: InsightsClient;
  readonly metadata: MetadataService;
  private readonly jsonData: ChoreoOptions;
  private mergerLoad?: Promise<DocumentMerger>;

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
  deps(): RunnerDeps {
    return { client: this.client, settings: this.settings, templateSrv: getTemplateSrv(), metadata: this.metadata };
  }

  /** A new panel shows data without typing: the console's API request summary. */
  getDefaultQuery(_app: CoreApp): Partial<ChoreoQuery> {
    return defaultQueryFor();
  }

  /**
   * One POST per panel run (all targets in one GraphQL document). Grafana unsubscribes when a
   * newer run of the panel starts, which cancels this one's requests.
   */
  query(request: DataQueryRequest<ChoreoQuery>): Observable<DataQueryResponse> {
    return this.run(request);
  }

  /** query(), with the runner's options (template variables ask for text / value frames). */
  run(request: DataQueryRequest<ChoreoQuery>, options: RunOptions = {}): Observable<DataQueryResponse> {
    return runPanel(request, this.deps(), () => this.merger(), options);
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return checkHealth(this.jsonData, this.settings, this.client);
  }

  /**
   * graphql-js (parser, printer) is loaded for the first panel with two targets or more, in
   * the chunk raw GraphQL mode loads too; a failed chunk load is retried by the next run.
   */
  private merger(): Promise<DocumentMerger> {
    this.mergerLoad ??= import('./runner/batch/documentMerger').then((m) => new m.DocumentMerger());
    this.mergerLoad.catch(() => (this.mergerLoad = undefined));
    return this.mergerLoad;
  }
}

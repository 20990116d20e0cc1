import {
  CoreApp,
  DataSourceApi,
  type AdHocVariableFilter,
  type DataSourceGetTagValuesOptions,
  type MetricFindValue,
  type ScopedVars,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import type { Observable } from 'rxjs';

import { choreoAnnotationSupport } from './annotations/ChoreoAnnotationSupport';
import { InsightsClient, type InsightsTransport } from './client/insightsClient';
import type { RetryPolicy } from './client/retryPolicy';
import { checkHealth } from './health/checkHealth';
import { MetadataService } from './metadata/metadataService';
import type { ChoreoOptions } from './options';
import { exploreGraphQL } from './graphql/exploreVariables';
import { formatApiName } from './metadata/apiDisplayName';
import { defaultQueryFor } from './queryModel/defaults';
import { namesFrom, queryDisplayText } from './queryModel/displayText';
import type { DocumentMerger } from './runner/batch/documentMerger';
import { Coalescer } from './runner/coalesce/coalescer';
import { DEFAULT_OVERLAP_MINUTES, IncrementalCache } from './runner/incremental/cache';
import type { IncrementalDeps } from './runner/incremental/refresh';
import type { RunnerDeps } from './runner/deps';
import { runPanel, type RunOptions } from './runner/runPanel';
import { resultCacheTtlMs } from './settings/resultCacheTtl';
import { resolveSettings, type ResolvedSettings } from './settings/resolveSettings';
import { QueryType, type ChoreoQuery } from './types';
import { ChoreoVariableSupport } from './variables/ChoreoVariableSupport';
import { interpolateQuery, TAG_KEYS } from './variables/interpolateQuery';

export class DataSource extends DataSourceApi<ChoreoQuery, ChoreoOptions> {
  readonly settings: ResolvedSettings;
  readonly client: InsightsClient;
  /** What queries and lists go through: the client, or a Coalescer in front of it. */
  readonly transport: InsightsTransport;
  readonly metadata: MetadataService;
  private readonly jsonData: ChoreoOptions;
  private readonly coalescing: boolean;
  private readonly incremental?: IncrementalDeps;
  private mergerLoad?: Promise<DocumentMerger>;

  /**
   * `options` are for tests and scripts (Grafana passes the instance settings only): retries on
   * a test clock, or a transport standing in for the route.
   */
  constructor(
    instanceSettings: DataSourceInstanceSettings<ChoreoOptions>,
    options: { retryPolicy?: RetryPolicy; transport?: InsightsTransport } = {}
  ) {
    super(instanceSettings);
    this.jsonData = instanceSettings.jsonData ?? {};
    this.settings = resolveSettings(this.jsonData);
    this.client = new InsightsClient(
      instanceSettings.url ?? '',
      { apiUrl: this.settings.apiUrl, tokenUrl: this.settings.tokenUrl },
      options.retryPolicy,
      { resultCacheTtlMs: resultCacheTtlMs(this.jsonData) }
    );
    this.coalescing = this.jsonData.coalesceRequests !== false;
    const base = options.transport ?? this.client;
    this.transport = this.coalescing ? new Coalescer(base, () => this.merger()) : base;
    this.metadata = new MetadataService(this.transport, this.settings);
    const overlap = this.jsonData.incrementalOverlapMinutes ?? DEFAULT_OVERLAP_MINUTES;
    this.incremental =
      Number.isFinite(overlap) && overlap > 0
        ? { cache: new IncrementalCache(), overlapMs: overlap * 60_000 }
        : undefined;
    this.variables = new ChoreoVariableSupport(this);
    this.annotations = choreoAnnotationSupport(this);
  }

  /** Everything query execution needs; templateSrv is looked up per call so tests can swap it. */
  deps(): RunnerDeps {
    const templateSrv = getTemplateSrv();
    return {
      client: this.transport,
      coalescing: this.coalescing,
      schemaClient: this.client,
      incremental: this.incremental,
      settings: this.settings,
      templateSrv,
      metadata: this.metadata,
      // Grafana versions and dashboards that do not put them on the request keep them here.
      adhocFilters: () =>
        (templateSrv as TemplateSrv & { getAdhocFilters?: (name: string) => AdHocVariableFilter[] }).getAdhocFilters?.(
          this.name
        ) ?? [],
    };
  }

  /**
   * A new panel shows data without typing: the console's API request summary; Explore, where
   * people look for one API, opens on traffic per API.
   */
  getDefaultQuery(app: CoreApp): Partial<ChoreoQuery> {
    return app === CoreApp.Explore ? defaultQueryFor(QueryType.ApiUsage) : defaultQueryFor();
  }

  /**
   * Every templated field resolved (scope ids, search, group-by values, limits, GraphQL
   * variables; multi-value variables as lists) and ad-hoc filters applied: what Explore opens
   * from a panel, which has no dashboard variables of its own.
   */
  interpolateVariablesInQueries(
    queries: ChoreoQuery[],
    scopedVars: ScopedVars,
    filters?: AdHocVariableFilter[]
  ): ChoreoQuery[] {
    const templateSrv = getTemplateSrv();
    return queries.map((q) => {
      const { query } = interpolateQuery(q, templateSrv, scopedVars, filters ?? []);
      return query.queryType === QueryType.GraphQL && query.graphql
        ? { ...query, graphql: exploreGraphQL(query.graphql, templateSrv, scopedVars) }
        : query;
    });
  }

  /** Query history and the inspector: one readable line per query. */
  getQueryDisplayText(query: ChoreoQuery): string {
    return queryDisplayText(query, namesFrom(this.metadata), this.settings.defaultEnvironmentId);
  }

  /** Hidden targets and GraphQL queries with no document yet are not run. */
  filterQuery(query: ChoreoQuery): boolean {
    return !query.hide && !(query.queryType === QueryType.GraphQL && !query.graphql?.query?.trim());
  }

  /** Ad-hoc filters: by API and by application. */
  async getTagKeys(): Promise<MetricFindValue[]> {
    return TAG_KEYS.map((t) => ({ text: t.text, value: t.key }));
  }

  /** Names shown, ids sent: the environment of the queries when they name one, else the default. */
  async getTagValues(options: DataSourceGetTagValuesOptions<ChoreoQuery>): Promise<MetricFindValue[]> {
    const named = options.queries?.map((q) => q.environmentId).find((e) => e && !e.includes('$'));
    const environmentId =
      getTemplateSrv().replace(named ?? '') ||
      this.settings.defaultEnvironmentId ||
      (await this.metadata.environments())[0]?.id;
    if (!environmentId) {
      return [];
    }
    if (options.key === 'api') {
      return (await this.metadata.apis(environmentId)).map((a) => ({
        text: formatApiName(a.name, a.version),
        value: a.id,
      }));
    }
    if (options.key === 'application') {
      return (await this.metadata.applications(environmentId)).map((a) => ({ text: a.name, value: a.id }));
    }
    return [];
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
    // Dashboards (the route, through Grafana's proxy) and alerting (the plugin backend, through
    // Grafana's health endpoint). Loaded on demand: only "Save & test" needs it.
    const { testBothPaths } = await import('./health/bothPaths');
    return testBothPaths(this, () => checkHealth(this.jsonData, this.settings, this.client));
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

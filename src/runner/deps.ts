import type { AdHocVariableFilter } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { InsightsTransport } from '../client/insightsClient';
import type { MetadataService } from '../metadata/metadataService';
import type { IncrementalDeps } from './incremental/refresh';
import type { ResolvedSettings } from '../settings/resolveSettings';

/** What running queries needs from the DataSource instance; tests pass their own. */
export interface RunnerDeps {
  client: InsightsTransport;
  settings: ResolvedSettings;
  templateSrv: TemplateSrv;
  metadata: MetadataService;
  /**
   * The client merges requests from different panels started in the same moment (a Coalescer):
   * each target's request is then sent on its own and merged there, not per panel.
   */
  coalescing?: boolean;
  /**
   * The instance's own client, which the GraphQL schema is introspected (and cached) through:
   * the editor and the runner share one introspection per instance. Default: `client`.
   */
  schemaClient?: Pick<InsightsTransport, 'execute'>;
  /** Incremental refresh of time series (absent: every refresh fetches the whole range). */
  incremental?: IncrementalDeps;
  /** The dashboard's ad-hoc filters for this data source, when the request carries none. */
  adhocFilters?: () => AdHocVariableFilter[];
}

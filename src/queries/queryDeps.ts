import type { TemplateSrv } from '@grafana/runtime';

import type { InsightsClient } from '../client/graphqlClient';
import type { MetadataService } from '../metadata/metadataService';
import type { ResolvedSettings } from '../settings/resolveSettings';

/** What query execution needs from the DataSource instance; tests pass their own. */
export interface QueryDeps {
  client: InsightsClient;
  settings: ResolvedSettings;
  templateSrv: TemplateSrv;
  metadata: MetadataService;
}

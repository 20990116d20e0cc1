import type { AnnotationEvent, AnnotationQuery, AnnotationSupport, DataFrame } from '@grafana/data';
import { from, type Observable } from 'rxjs';

import { AnnotationQueryEditor } from '../components/AnnotationQueryEditor';
import type { DataSource } from '../datasource';
import type { ChoreoAnnotationQuery, ChoreoQuery } from '../types';
import { alertEvents } from './alertEvents';
import { alertAnnotationTarget } from './alertQuery';

/**
 * Choreo alerts (getAlertSummary) as annotations: time = alert time, text = message, tags =
 * API name, category, metric, severity. The query runs as a raw GraphQL target through the
 * data source's query(); min severity is applied here since the API cannot filter on it.
 */
export function choreoAnnotationSupport(datasource: DataSource): AnnotationSupport<ChoreoQuery> {
  return {
    QueryEditor: AnnotationQueryEditor,
    getDefaultQuery: () => ({ refId: 'Anno' }),
    prepareQuery: (anno: AnnotationQuery<ChoreoQuery>) => alertAnnotationTarget({ refId: 'Anno', ...anno.target }),
    processEvents: (anno: AnnotationQuery<ChoreoQuery>, frames: DataFrame[]): Observable<AnnotationEvent[]> =>
      from(toEvents(datasource, (anno.target ?? { refId: 'Anno' }) as ChoreoAnnotationQuery, frames)),
  };
}

async function toEvents(datasource: DataSource, target: ChoreoAnnotationQuery, frames: DataFrame[]) {
  const deps = datasource.deps();
  const environmentId = deps.templateSrv.replace(target.environmentId ?? '') || deps.settings.defaultEnvironmentId;
  // Names are a nicety: without them the tag is the id, and the alerts still show.
  const names = await deps.metadata.apiNameMap(environmentId).catch(() => undefined);
  return alertEvents(frames, {
    minSeverity: target.minSeverity,
    apiName: (id) => (names ? names.name(id) : (id ?? 'Unknown API')),
  });
}

import type { AnnotationEvent, AnnotationQuery, AnnotationSupport, DataFrame } from '@grafana/data';
import { of, type Observable } from 'rxjs';

import { AnnotationQueryEditor } from '../components/AnnotationQueryEditor';
import type { DataSource } from '../datasource';
import type { ChoreoAnnotationQuery, ChoreoQuery } from '../types';
import { alertEvents } from './alertEvents';
import { alertAnnotationTarget } from './alertQuery';

/**
 * Choreo alerts as annotations: time = alert time, text = message, tags = API name, category,
 * metric, severity. The query runs as an Alert summary target through the data source's
 * query(); min severity is applied here since the API cannot filter on it.
 */
export function choreoAnnotationSupport(_datasource: DataSource): AnnotationSupport<ChoreoQuery> {
  return {
    QueryEditor: AnnotationQueryEditor,
    getDefaultQuery: () => ({ refId: 'Anno' }),
    prepareQuery: (anno: AnnotationQuery<ChoreoQuery>) => alertAnnotationTarget({ refId: 'Anno', ...anno.target }),
    processEvents: (anno: AnnotationQuery<ChoreoQuery>, frames: DataFrame[]): Observable<AnnotationEvent[]> =>
      of(alertEvents(frames, { minSeverity: (anno.target as ChoreoAnnotationQuery | undefined)?.minSeverity })),
  };
}

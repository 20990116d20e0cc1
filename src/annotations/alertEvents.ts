import type { AnnotationEvent, DataFrame } from '@grafana/data';

import type { ChoreoAnnotationQuery } from '../types';

export type Severity = NonNullable<ChoreoAnnotationQuery['minSeverity']>;

const SEVERITY_RANK: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Alert rows (as the GraphQL response mapper makes them) to annotation events. */
export function alertEvents(
  frames: DataFrame[],
  options: { minSeverity?: Severity; apiName(apiId: string | null): string }
): AnnotationEvent[] {
  const min = options.minSeverity ? SEVERITY_RANK[options.minSeverity] : 0;
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    const column = (name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];
    const [time, apiId, category, metric, severity, message] = [
      'timestamp',
      'apiId',
      'category',
      'metric',
      'severity',
      'message',
    ].map(column);
    for (let i = 0; i < frame.length; i++) {
      const sev = String(severity[i] ?? '');
      // Unknown severities are kept: a new level should not silently hide alerts.
      if ((SEVERITY_RANK[sev] ?? Infinity) < min || typeof time[i] !== 'number') {
        continue;
      }
      const api = options.apiName((apiId[i] as string | null) ?? null);
      const text = String(message[i] ?? '');
      events.push({
        time: time[i] as number,
        title: `${sev} ${String(category[i] ?? '')} alert: ${api}`,
        text,
        tags: [api, category[i], metric[i], sev].filter((t): t is string => typeof t === 'string' && t !== ''),
      });
    }
  }
  return events;
}

import type { AnnotationEvent, DataFrame } from '@grafana/data';

import type { ChoreoAnnotationQuery } from '../types';

export type Severity = NonNullable<ChoreoAnnotationQuery['minSeverity']>;

const SEVERITY_RANK: Readonly<Record<string, number>> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

function rank(severity: string): number {
  // Unknown severities are kept: a new level should not silently hide alerts.
  return Object.prototype.hasOwnProperty.call(SEVERITY_RANK, severity) ? SEVERITY_RANK[severity] : Infinity;
}

/** Alert summary frames (Time, API, Category, Metric, Severity, Message) to annotation events. */
export function alertEvents(frames: DataFrame[], options: { minSeverity?: Severity } = {}): AnnotationEvent[] {
  const min = options.minSeverity ? rank(options.minSeverity) : 0;
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    const column = (name: string): unknown[] => frame.fields.find((f) => f.name === name)?.values ?? [];
    const [time, api, category, metric, severity, message] = [
      'Time',
      'API',
      'Category',
      'Metric',
      'Severity',
      'Message',
    ].map(column);
    for (let i = 0; i < frame.length; i++) {
      const sev = String(severity[i] ?? '');
      if (rank(sev) < min || typeof time[i] !== 'number') {
        continue;
      }
      const name = String(api[i] ?? '');
      events.push({
        time: time[i] as number,
        title: `${sev} ${String(category[i] ?? '')} alert: ${name}`,
        text: String(message[i] ?? ''),
        tags: [name, category[i], metric[i], sev].filter((t): t is string => typeof t === 'string' && t !== ''),
      });
    }
  }
  return events;
}

/**
 * A panel's `transformations`, run with Grafana's own transformers (@grafana/data's
 * standardTransformers) in order, as the panel query runner does. Grafana core fills the
 * transformer registry; outside Grafana it is empty, so the operators are called directly.
 */
import { lastValueFrom, of } from 'rxjs';
import { standardTransformers, type DataFrame, type DataTransformerInfo } from '@grafana/data';

import type { DashboardPanel } from '../../../testing/ship/lib/dashboards';

interface TransformationJson {
  id: string;
  options?: unknown;
  disabled?: boolean;
}

const BY_ID = new Map<string, DataTransformerInfo>(
  Object.values(standardTransformers as Record<string, DataTransformerInfo>).map((t) => [t.id, t])
);

export function transformationsOf(panel: DashboardPanel): TransformationJson[] {
  return Array.isArray(panel.transformations) ? (panel.transformations as TransformationJson[]) : [];
}

export async function applyTransformations(panel: DashboardPanel, frames: DataFrame[]): Promise<DataFrame[]> {
  let result = frames;
  for (const t of transformationsOf(panel)) {
    if (t.disabled) {
      continue;
    }
    const info = BY_ID.get(t.id);
    if (!info) {
      throw new Error(`Transformation ${t.id} is not available in the sandbox`);
    }
    const operator = info.operator(
      { ...(info.defaultOptions ?? {}), ...(t.options as object) },
      {
        interpolate: (value: string) => value,
      }
    );
    result = await lastValueFrom(of(result).pipe(operator), { defaultValue: result });
  }
  return result;
}

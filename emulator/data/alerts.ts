import { RequestContext } from '../context';
import { ApiDef, compositeApiId } from '../demo';
import { unit } from '../hash';
import { HOUR, MINUTE } from '../time';
import { Cell } from './cells';
import { latencyOver } from './latency';

export interface Alert {
  api: ApiDef;
  /** The live API names APIs in alerts as "<name> - <version>". */
  apiId: string;
  timestamp: number;
  category: 'LATENCY' | 'TRAFFIC';
  metric: 'RESPONSE_LATENCY' | 'TOTAL_TRAFFIC';
  severity: 'LOW' | 'MEDIUM' | 'HIGH';
  message: string;
}

/**
 * Alerts fire on the same synthetic events that shape the traffic: outage hours raise latency
 * alerts, surge hours raise traffic alerts, so alerts line up with spikes in the charts.
 */
export function alertsIn(ctx: RequestContext, cells: readonly Cell[], from: number, to: number): Alert[] {
  const out: Alert[] = [];
  for (const cell of cells) {
    const api = cell.api;
    if (!api) {
      continue;
    }
    for (let hour = Math.floor(from / HOUR); hour * HOUR < to; hour++) {
      const hc = ctx.model.hour(cell, hour);
      const at = hour * HOUR + Math.floor(unit(cell.seed, hour, 601) * 50) * MINUTE;
      if (at < from || at >= to || hc.success + hc.errors === 0) {
        continue;
      }
      const label = `'${api.name}' (${api.version}) in ${cell.env.name}`;
      if (hc.incident || hc.latencyFactor > 2.2) {
        const l = latencyOver(ctx.model, cell, hour * HOUR, (hour + 1) * HOUR);
        const p95 = Math.round(l ? l.sample.response : 0);
        const threshold = Math.round(api.backendMedianMs * 6);
        out.push({
          api,
          apiId: compositeApiId(api),
          timestamp: at,
          category: 'LATENCY',
          metric: 'RESPONSE_LATENCY',
          severity: hc.latencyFactor > 5 ? 'HIGH' : hc.incident ? 'MEDIUM' : 'LOW',
          message: `Response latency of ${label} exceeded the threshold of ${threshold} ms: 95th percentile was ${p95} ms`,
        });
      }
      if (hc.surge > 1) {
        const usual = Math.round((hc.success + hc.errors) / hc.surge);
        out.push({
          api,
          apiId: compositeApiId(api),
          timestamp: at,
          category: 'TRAFFIC',
          metric: 'TOTAL_TRAFFIC',
          severity: hc.surge > 3.5 ? 'HIGH' : hc.surge > 3 ? 'MEDIUM' : 'LOW',
          message: `Request count of ${label} was ${hc.surge.toFixed(1)}x the usual ${usual} requests per hour`,
        });
      }
    }
  }
  return out.sort((a, b) => a.timestamp - b.timestamp || a.apiId.localeCompare(b.apiId));
}

import { unit } from '../hash';
import { HOUR, MINUTE } from '../time';
import { Cell } from './cells';
import { TrafficModel } from './traffic';

/** Latency percentiles in ms for one source and interval. */
export interface LatencySample {
  response: number;
  backend: number;
  requestMediation: number;
  responseMediation: number;
  responseMedian: number;
  backendMedian: number;
  requestMediationMedian: number;
  responseMediationMedian: number;
}

export const LATENCY_KEYS: ReadonlyArray<keyof LatencySample> = [
  'response',
  'backend',
  'requestMediation',
  'responseMediation',
  'responseMedian',
  'backendMedian',
  'requestMediationMedian',
  'responseMediationMedian',
];

function hourLatency(cell: Cell, hour: number, factor: number): LatencySample {
  const api = cell.api;
  const s = cell.seed;
  const base = api ? api.backendMedianMs : 0;
  const backendMedian = base * (0.9 + 0.2 * unit(s, hour, 501)) * (1 + (factor - 1) * 0.3);
  // The p95 sits well above the median: a long tail, stretched further in slow hours.
  const backend = base * (2.2 + 0.8 * unit(s, hour, 502)) * factor;
  const requestMediation = 6 + 10 * unit(s, hour, 503);
  const responseMediation = 4 + 8 * unit(s, hour, 504);
  const requestMediationMedian = 2 + 3 * unit(s, hour, 505);
  const responseMediationMedian = 1.5 + 2 * unit(s, hour, 506);
  return {
    response: backend + requestMediation + responseMediation,
    backend,
    requestMediation,
    responseMediation,
    responseMedian: backendMedian + requestMediationMedian + responseMediationMedian,
    backendMedian,
    requestMediationMedian,
    responseMediationMedian,
  };
}

/**
 * Latency over [from, to) and the request count it is weighted by. Within one hour it wobbles
 * per bucket (with occasional tail spikes); across hours it is the traffic-weighted mean.
 * Null when there was no traffic: the live API has no latency row then either.
 */
export function latencyOver(
  model: TrafficModel,
  cell: Cell,
  from: number,
  to: number
): { sample: LatencySample; weight: number } | null {
  if (!cell.api) {
    return null;
  }
  const acc = emptySample();
  let weight = 0;
  for (const { hour, cell: hc, total } of model.hoursIn(cell, from, to)) {
    if (total === 0) {
      continue;
    }
    const h = hourLatency(cell, hour, hc.latencyFactor);
    addWeighted(acc, h, total);
    weight += total;
  }
  if (weight === 0) {
    return null;
  }
  const sample = scale(acc, 1 / weight);
  if (to - from < HOUR) {
    const m = Math.floor(from / MINUTE);
    const wobble = 0.88 + 0.24 * unit(cell.seed, m, 507);
    const tail = unit(cell.seed, m, 508) < 0.03 ? 1.8 + unit(cell.seed, m, 509) : 1;
    for (const k of LATENCY_KEYS) {
      sample[k] *= k.endsWith('Median') ? wobble : wobble * tail;
    }
  }
  return { sample, weight };
}

export function emptySample(): LatencySample {
  return {
    response: 0,
    backend: 0,
    requestMediation: 0,
    responseMediation: 0,
    responseMedian: 0,
    backendMedian: 0,
    requestMediationMedian: 0,
    responseMediationMedian: 0,
  };
}

export function addWeighted(acc: LatencySample, s: LatencySample, w: number): void {
  for (const k of LATENCY_KEYS) {
    acc[k] += s[k] * w;
  }
}

export function scale(s: LatencySample, f: number): LatencySample {
  const out = emptySample();
  for (const k of LATENCY_KEYS) {
    out[k] = s[k] * f;
  }
  return out;
}

/** Traffic-weighted latency across several cells; null when none had traffic. */
export function combinedLatency(
  model: TrafficModel,
  cells: readonly Cell[],
  from: number,
  to: number
): LatencySample | null {
  const acc = emptySample();
  let weight = 0;
  for (const c of cells) {
    const l = latencyOver(model, c, from, to);
    if (l) {
      addWeighted(acc, l.sample, l.weight);
      weight += l.weight;
    }
  }
  return weight === 0 ? null : scale(acc, 1 / weight);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Frame building for getAPIUsageOverTime-shaped responses: this plugin's conversion (the
 * catalog's apiUsage frames, built by the runner's prepared target on parsed data: series,
 * time axis, zero fill, names, meta), JSON.parse of the same body, and the common naive way
 * (row objects → @grafana/data toDataFrame, and MutableDataFrame row by row).
 */
import { dateTime, MutableDataFrame, toDataFrame, FieldType } from '@grafana/data';

import { ApiNameMap } from '../src/metadata/apiDisplayName';
import { MetadataService } from '../src/metadata/metadataService';
import { prepareBuilderTarget } from '../src/runner/prepare';
import { isPrepared, type PreparedTarget } from '../src/runner/target';
import { resolveSettings } from '../src/settings/resolveSettings';
import { QueryType, type ChoreoQuery } from '../src/types';
import { TemplateSrvFake } from '../testing/fakes/templateSrv';
import { FakeTransport } from '../testing/fakes/transport';
import { gc, time } from './stats';

const HOUR = 3_600_000;
const FROM = Date.parse('2026-01-01T00:00:00Z');

export interface FrameRow {
  points: number;
  apis: number;
  buckets: number;
  jsonParseMs: number;
  conversionMs: number;
  naiveToDataFrameMs: number;
  naiveMutableMs: number;
  conversionOverParse: number;
  naiveOverConversion: number;
}

/** The API's bucket timestamp format: 7 fraction digits and an offset. */
function timeSpan(ms: number): string {
  return new Date(ms + 5.5 * HOUR)
    .toISOString()
    .replace('Z', '0000+05:30')
    .replace(/(\.\d{3})/, '$1');
}

export function body(apis: number, buckets: number): string {
  const spans = Array.from({ length: buckets }, (_, b) => timeSpan(FROM + b * HOUR));
  const items = Array.from({ length: apis }, (_, a) => ({
    apiId: `api-${a}`,
    granularity: '1h',
    usage: spans.map((timeSpan, b) => ({ timeSpan, count: (a * 31 + b * 7) % 997 })),
  }));
  return JSON.stringify({ data: { getAPIUsageOverTime: items } });
}

function apiList(apis: number) {
  return Array.from({ length: apis }, (_, a) => ({ id: `api-${a}`, name: `API ${a}`, version: 'v1', provider: 'p' }));
}

/** The apiUsage target as the runner prepares it (names looked up), for an hourly range. */
export async function prepareApiUsage(apis: number, buckets: number): Promise<PreparedTarget> {
  const transport = new FakeTransport({ ListApis: { data: { listAllAPI: apiList(apis) } } });
  const settings = resolveSettings({ orgUuid: 'o', defaultEnvironmentId: 'e' });
  const query: ChoreoQuery = { refId: 'A', queryType: QueryType.ApiUsage, granularity: '1h' };
  const from = dateTime(FROM);
  const to = dateTime(FROM + buckets * HOUR);
  const target = await prepareBuilderTarget(
    query,
    {
      requestId: 'bench',
      interval: '1h',
      intervalMs: HOUR,
      maxDataPoints: buckets,
      range: { from, to, raw: { from, to } },
      scopedVars: {},
      targets: [query],
      timezone: 'utc',
      app: 'dashboard',
      startTime: 0,
    },
    {
      client: transport,
      settings,
      templateSrv: new TemplateSrvFake(),
      metadata: new MetadataService(transport, settings),
    }
  );
  if (!isPrepared(target)) {
    throw new Error(`apiUsage did not prepare: ${JSON.stringify(target)}`);
  }
  return target;
}

interface Usage {
  apiId: string;
  usage: Array<{ timeSpan: string; count: number }>;
}

/** What a plugin typically does: one object per time with a key per API, then toDataFrame. */
function naiveToDataFrame(items: Usage[], names: ApiNameMap) {
  const rows = new Map<number, Record<string, number>>();
  for (const item of items) {
    const name = names.name(item.apiId);
    for (const b of item.usage) {
      const t = new Date(b.timeSpan).getTime();
      const row = rows.get(t) ?? { Time: t };
      row[name] = b.count;
      rows.set(t, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.Time - b.Time);
  return toDataFrame(sorted);
}

/** The older idiom: a MutableDataFrame, one add() per row. */
function naiveMutable(items: Usage[], names: ApiNameMap) {
  const frame = new MutableDataFrame({ fields: [{ name: 'Time', type: FieldType.time }] });
  const rows = new Map<number, Record<string, number>>();
  for (const item of items) {
    const name = names.name(item.apiId);
    frame.addField({ name, type: FieldType.number });
    for (const b of item.usage) {
      const t = new Date(b.timeSpan).getTime();
      const row = rows.get(t) ?? { Time: t };
      row[name] = b.count;
      rows.set(t, row);
    }
  }
  for (const row of [...rows.values()].sort((a, b) => a.Time - b.Time)) {
    frame.add(row);
  }
  return frame;
}

/** The median of what was measured (after the warm-up rounds). */
function mid(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchFrames(
  sizes: Array<[apis: number, buckets: number]>,
  log: (s: string) => void
): Promise<FrameRow[]> {
  const out: FrameRow[] = [];
  for (const [apis, buckets] of sizes) {
    const points = apis * buckets;
    const text = body(apis, buckets);
    // Small sizes take a millisecond or two, where one scheduler hiccup on a shared machine
    // doubles a run: more runs keep their median steady. At 1M every run takes long enough to
    // be steady, and the naive ways take seconds each: fewer of them keep the bench short.
    const runs = points >= 100_000 ? 9 : 25;
    const naiveRuns = points >= 1_000_000 ? 3 : runs;
    const warmUp = points >= 1_000_000 ? 1 : 3;
    const target = await prepareApiUsage(apis, buckets);
    const names = new ApiNameMap(apiList(apis));
    // As runPanel's finish() calls it: one data per request of the target (one here, a full fetch).
    const convert = (data: unknown) => target.frames([data], { errors: [], pages: 1, notices: [] });
    const check = convert((JSON.parse(text) as { data: unknown }).data)[0];
    if (check.length !== buckets || check.fields.length !== apis + 1) {
      throw new Error(`conversion gave ${check.length} rows × ${check.fields.length} fields`);
    }
    // Each round parses the body once (timed) and converts that fresh answer, as every panel
    // refresh does; the naive ways read the same answer. Garbage is collected before each timing.
    const parse: number[] = [];
    const conversion: number[] = [];
    const naive: number[] = [];
    const mutable: number[] = [];
    for (let round = 0; round < warmUp + runs; round++) {
      const measured = round >= warmUp;
      gc();
      const start = performance.now();
      const data = (JSON.parse(text) as { data: { getAPIUsageOverTime: Usage[] } }).data;
      const parsed = performance.now() - start;
      gc();
      const converted = time(() => convert(data));
      if (measured) {
        parse.push(parsed);
        conversion.push(converted);
      }
      if (round < warmUp + naiveRuns) {
        gc();
        const n = time(() => naiveToDataFrame(data.getAPIUsageOverTime, names));
        gc();
        const m = time(() => naiveMutable(data.getAPIUsageOverTime, names));
        if (measured) {
          naive.push(n);
          mutable.push(m);
        }
      }
    }
    const row: FrameRow = {
      points,
      apis,
      buckets,
      jsonParseMs: mid(parse),
      conversionMs: mid(conversion),
      naiveToDataFrameMs: mid(naive),
      naiveMutableMs: mid(mutable),
      conversionOverParse: mid(conversion) / mid(parse),
      naiveOverConversion: Math.min(mid(naive), mid(mutable)) / mid(conversion),
    };
    log(
      `  frames ${points} points: conversion ${row.conversionMs.toFixed(1)} ms, parse ${row.jsonParseMs.toFixed(1)} ms`
    );
    out.push(row);
  }
  return out;
}

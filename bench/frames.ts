/**
 * Frame building for getAPIUsageOverTime-shaped responses: this plugin's conversion (the
 * apiUsage handler's toFrames on parsed data), JSON.parse of the same body, and the common
 * naive way (row objects → @grafana/data toDataFrame, and MutableDataFrame row by row).
 */
import { MutableDataFrame, toDataFrame, FieldType } from '@grafana/data';

import { ApiNameMap } from '../src/metadata/apiDisplayName';
import type { QueryContext } from '../src/queries/handler';
import { apiUsage } from '../src/queries/types/apiUsage';
import type { ChoreoQuery } from '../src/types';
import { median, time } from './stats';

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

function body(apis: number, buckets: number): string {
  const spans = Array.from({ length: buckets }, (_, b) => timeSpan(FROM + b * HOUR));
  const items = Array.from({ length: apis }, (_, a) => ({
    apiId: `api-${a}`,
    granularity: '1h',
    usage: spans.map((timeSpan, b) => ({ timeSpan, count: (a * 31 + b * 7) % 997 })),
  }));
  return JSON.stringify({ data: { getAPIUsageOverTime: items } });
}

function context(apis: number, buckets: number): QueryContext {
  return {
    refId: 'A',
    timeFilter: { from: new Date(FROM).toISOString(), to: new Date(FROM + buckets * HOUR).toISOString() },
    fromMs: FROM,
    toMs: FROM + buckets * HOUR,
    granularity: '1h',
    dataFilter: { orgId: 'o', tenant: 't' },
    environmentId: 'e',
    apiNames: new ApiNameMap(
      Array.from({ length: apis }, (_, a) => ({ id: `api-${a}`, name: `API ${a}`, version: 'v1', provider: 'p' }))
    ),
    notices: [],
  };
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

export function benchFrames(sizes: Array<[apis: number, buckets: number]>, log: (s: string) => void): FrameRow[] {
  const out: FrameRow[] = [];
  for (const [apis, buckets] of sizes) {
    const text = body(apis, buckets);
    // Small sizes take a millisecond or two, where one scheduler hiccup on a shared machine
    // doubles a run: more runs keep their median steady. Every method gets the same count.
    const runs = apis * buckets >= 1_000_000 ? 5 : apis * buckets >= 100_000 ? 9 : 25;
    const ctx = context(apis, buckets);
    const query = { refId: 'A', queryType: 'apiUsage' } as ChoreoQuery;
    const parsed = JSON.parse(text) as { data: { getAPIUsageOverTime: Usage[] } };
    const check = apiUsage.toFrames(parsed.data, query, { ...ctx, notices: [] })[0];
    if (check.length !== buckets || check.fields.length !== apis + 1) {
      throw new Error(`conversion gave ${check.length} rows × ${check.fields.length} fields`);
    }
    const parse = median(runs, () => time(() => JSON.parse(text)));
    const conversion = median(runs, () => {
      const data = (JSON.parse(text) as typeof parsed).data;
      return time(() => apiUsage.toFrames(data, query, { ...ctx, notices: [] }));
    });
    const naive = median(runs, () => {
      const data = (JSON.parse(text) as typeof parsed).data;
      return time(() => naiveToDataFrame(data.getAPIUsageOverTime, ctx.apiNames));
    });
    const mutable = median(Math.min(runs, 5), () => {
      const data = (JSON.parse(text) as typeof parsed).data;
      return time(() => naiveMutable(data.getAPIUsageOverTime, ctx.apiNames));
    });
    const row: FrameRow = {
      points: apis * buckets,
      apis,
      buckets,
      jsonParseMs: parse,
      conversionMs: conversion,
      naiveToDataFrameMs: naive,
      naiveMutableMs: mutable,
      conversionOverParse: conversion / parse,
      naiveOverConversion: Math.min(naive, mutable) / conversion,
    };
    log(`  frames ${row.points} points: conversion ${conversion.toFixed(1)} ms, parse ${parse.toFixed(1)} ms`);
    out.push(row);
  }
  return out;
}

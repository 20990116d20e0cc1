import { RequestContext } from '../context';
import { resolveEnvironments } from '../data/scope';
import { TENANT } from '../demo';
import { hashString, unit } from '../hash';
import { DAY, HOUR, MINUTE, formatTimeSpan } from '../time';
import { DataFilterInput, TimeFilterInput, interval } from './common';

/**
 * The undocumented automation queries (insights-schema-inferred.graphql). Shapes follow the
 * inferred schema; values are simple scheduled runs so clients that probe them get data.
 */

interface Automation {
  componentId: string;
  name: string;
  periodMs: number;
  phaseMs: number;
  meanDurationS: number;
}

const AUTOMATIONS: readonly Automation[] = [
  {
    componentId: 'e1f2a3b4-7c8d-4e9f-8a0b-1c2d3e4f5a61',
    name: 'Nightly Inventory Sync',
    periodMs: DAY,
    phaseMs: 2 * HOUR,
    meanDurationS: 180,
  },
  {
    componentId: 'f2a3b4c5-8d9e-4f0a-9b1c-2d3e4f5a6b72',
    name: 'Hourly Order Export',
    periodMs: HOUR,
    phaseMs: 5 * MINUTE,
    meanDurationS: 40,
  },
];

interface Run {
  automation: Automation;
  env: string;
  start: number;
  durationS: number;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMEOUT';
}

interface Args {
  dataFilter: DataFilterInput;
  timeFilter: TimeFilterInput;
  automationFilter?: { componentIDs?: ReadonlyArray<string | null> | null } | null;
  interval?: string | null;
}

function runs(ctx: RequestContext, args: Args): { list: Run[]; offset: number; from: number; to: number } {
  const envs = resolveEnvironments(ctx, args.dataFilter);
  const { from, to, window } = interval(ctx, args.timeFilter, 'timeFilter');
  const ids = (args.automationFilter?.componentIDs ?? []).filter((x): x is string => !!x);
  const list: Run[] = [];
  if (args.dataFilter.tenant !== TENANT) {
    return { list, offset: window.offsetMinutes, from, to };
  }
  for (const env of envs) {
    for (const a of AUTOMATIONS) {
      if (ids.length > 0 && !ids.includes(a.componentId)) {
        continue;
      }
      const seed = hashString(env.id + a.componentId);
      for (let t = Math.ceil((from - a.phaseMs) / a.periodMs) * a.periodMs + a.phaseMs; t < to; t += a.periodMs) {
        const u = unit(seed, t / MINUTE);
        const status = u < 0.05 ? 'FAILED' : u < 0.07 ? 'TIMEOUT' : 'SUCCEEDED';
        list.push({
          automation: a,
          env: env.name,
          start: t,
          durationS: a.meanDurationS * (0.6 + 0.9 * unit(seed, t / MINUTE, 1)),
          status,
        });
      }
    }
  }
  return { list: list.sort((x, y) => x.start - y.start), offset: window.offsetMinutes, from, to };
}

const pct = (x: number, n: number) => (n === 0 ? 0 : Math.round((x / n) * 10000) / 100);
const fmtDuration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m ${Math.round(s % 60)}s` : `${Math.round(s)}s`);

export const automationResolvers = {
  getTaskExecutionStats(args: Args, ctx: RequestContext) {
    const { list } = runs(ctx, args);
    const failed = list.filter((r) => r.status === 'FAILED').length;
    const timeout = list.filter((r) => r.status === 'TIMEOUT').length;
    const ok = list.length - failed - timeout;
    return {
      totalExecutions: list.length,
      successfulJobs: ok,
      failedJobs: failed,
      timeoutJobs: timeout,
      errorCount: failed + timeout,
      errorRatePercent: pct(failed + timeout, list.length),
      successRatePercent: pct(ok, list.length),
    };
  },

  getAutomationExecutionTrend(args: Args, ctx: RequestContext) {
    const { list, offset, from, to } = runs(ctx, args);
    const sizes: Record<string, number> = { '1h': HOUR, '12h': 12 * HOUR, '1d': DAY, '7d': 7 * DAY };
    const size =
      (args.interval && sizes[args.interval]) || (to - from <= DAY ? HOUR : to - from <= 7 * DAY ? 12 * HOUR : DAY);
    const buckets = new Map<number, { totalCount: number; successCount: number; failureCount: number }>();
    for (const r of list) {
      const start = Math.floor((r.start + offset * MINUTE) / size) * size - offset * MINUTE;
      const b = buckets.get(start) ?? { totalCount: 0, successCount: 0, failureCount: 0 };
      b.totalCount++;
      if (r.status === 'SUCCEEDED') {
        b.successCount++;
      } else {
        b.failureCount++;
      }
      buckets.set(start, b);
    }
    return [...buckets.entries()].map(([t, b]) => ({ timestamp: formatTimeSpan(t, offset), ...b }));
  },

  getAutomationSummaryTable(args: Args, ctx: RequestContext) {
    const { list, offset } = runs(ctx, args);
    return AUTOMATIONS.map((a) => {
      const mine = list.filter((r) => r.automation === a);
      const last = mine[mine.length - 1];
      const failures = mine.filter((r) => r.status !== 'SUCCEEDED').length;
      return {
        automationName: a.name,
        totalExecutions: mine.length,
        failureCount: failures,
        errorRate: pct(failures, mine.length),
        executionFrequency: a.periodMs === DAY ? 'Daily' : 'Hourly',
        lastRun: last ? formatTimeSpan(last.start, offset) : null,
        lastRunRelative: last ? `${Math.max(0, Math.round((ctx.now - last.start) / HOUR))} hours ago` : null,
        lastExecutionStatus: last ? last.status : null,
      };
    }).filter((r) => r.totalExecutions > 0);
  },

  getAutomationExecutionDuration(args: Args, ctx: RequestContext) {
    const { list } = runs(ctx, args);
    return AUTOMATIONS.map((a) => {
      const d = list
        .filter((r) => r.automation === a)
        .map((r) => r.durationS)
        .sort((x, y) => x - y);
      if (d.length === 0) {
        return null;
      }
      const avg = d.reduce((s, x) => s + x, 0) / d.length;
      const p95 = d[Math.min(d.length - 1, Math.floor(d.length * 0.95))];
      return {
        componentId: a.componentId,
        componentName: a.name,
        averageDurationMs: Math.round(avg * 1000),
        p95DurationMs: Math.round(p95 * 1000),
        averageDurationFormatted: fmtDuration(avg),
        p95DurationFormatted: fmtDuration(p95),
      };
    }).filter((x) => x !== null);
  },

  getTaskExecutionDetails(args: Args, ctx: RequestContext) {
    const { list, offset } = runs(ctx, args);
    return list
      .slice(-100)
      .reverse()
      .map((r) => ({
        jobId: `${r.automation.componentId.slice(0, 8)}-${r.start / MINUTE}`,
        jobName: r.automation.name,
        startTime: formatTimeSpan(r.start, offset),
        endTime: formatTimeSpan(r.start + Math.round(r.durationS * 1000), offset),
        durationSeconds: Math.round(r.durationS * 10) / 10,
        status: r.status,
        durationFormatted: fmtDuration(r.durationS),
        revision: 'r3',
        attemptCount: r.status === 'SUCCEEDED' ? 1 : 3,
        versionId: 'v1.4.2',
      }));
  },
};

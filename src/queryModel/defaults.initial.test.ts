/** @jest-environment node */
import { entries, entryFor } from '../catalog/catalog';
import { normalizeOptions } from '../catalog/options';
import { defaultQueryFor, setPath } from './defaults';

const v = { modelVersion: 1 };

describe('defaultQueryFor', () => {
  it.each<[string, Record<string, unknown>]>([
    ['alertSummary', { maxRows: 1000 }],
    ['apiLatency', { granularity: 'auto' }],
    ['apiUsage', { granularity: 'auto' }],
    ['cache', { granularity: 'auto' }],
    [
      'customReport',
      {
        granularity: 'auto',
        customReport: { mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'], groupByValues: [] },
      },
    ],
    ['errorDetails', { granularity: 'auto', maxRows: 1000 }],
    ['errorsByCategory', { granularity: 'auto' }],
    ['errorsByStatusClass', { granularity: 'auto' }],
    ['errorsByStatusCode', { errorType: 'PROXY', maxRows: 1000 }],
    ['graphql', {}],
    ['list', { list: 'apis' }],
    ['overviewKpi', { kpi: 'totalTraffic' }],
    ['requestSummary', { granularity: 'auto' }],
    ['resourceUsage', { maxRows: 1000 }],
    ['topApisByAlertCount', { limit: 10 }],
    ['topPlatforms', {}],
    ['topSlowestApis', { limit: 10 }],
    ['topUserAgents', {}],
    ['usageByApplication', { granularity: 'auto' }],
    ['usageByBackend', { granularity: 'auto' }],
  ])('%s: its initial options at their paths, auto granularity only where it takes one', (type, fields) => {
    expect(defaultQueryFor(type)).toEqual({ queryType: type, ...v, ...fields });
  });

  it('covers every catalog type above', () => {
    expect(entries().length).toBe(20);
  });

  it('gives new queries that run as they are: no option problems', () => {
    for (const e of entries()) {
      expect([e.type, normalizeOptions(e, defaultQueryFor(e.type)).problems]).toEqual([e.type, {}]);
    }
  });

  it('sets granularity exactly for the types that take one', () => {
    for (const e of entries()) {
      expect([e.type, 'granularity' in defaultQueryFor(e.type)]).toEqual([e.type, e.granularity]);
    }
  });

  it("is the catalog's default type without an argument", () => {
    expect(defaultQueryFor()).toEqual({ queryType: 'requestSummary', modelVersion: 1, granularity: 'auto' });
  });

  it('gives just the type for an unknown one', () => {
    expect(defaultQueryFor('nope')).toEqual({ queryType: 'nope', modelVersion: 1 });
  });

  it("copies list initials: editing a new query does not change the catalog's", () => {
    const first = defaultQueryFor('customReport');
    first.customReport!.groupByFields!.push('PLATFORM');
    expect(defaultQueryFor('customReport').customReport?.groupByFields).toEqual(['API_NAME']);
    const initial = entryFor('customReport')!.options.find((o) => o.name === 'groupByFields')!.initial;
    expect(initial).toEqual(['API_NAME']);
  });
});

describe('setPath', () => {
  it('sets a value at a dot path, creating objects and copying existing ones', () => {
    const shared = { mode: 'overTime' };
    const target: Record<string, unknown> = { customReport: shared, other: 1 };
    setPath(target, 'customReport.metric', 'HIT_COUNT');
    setPath(target, 'a.b.c', 3);
    setPath(target, 'top', 'x');
    expect(target).toEqual({
      customReport: { mode: 'overTime', metric: 'HIT_COUNT' },
      other: 1,
      a: { b: { c: 3 } },
      top: 'x',
    });
    expect(shared).toEqual({ mode: 'overTime' });
  });

  it('replaces what is no object on the way', () => {
    const target: Record<string, unknown> = { a: 'text', l: [1] };
    setPath(target, 'a.b', 1);
    setPath(target, 'l.x', 2);
    expect(target).toEqual({ a: { b: 1 }, l: { x: 2 } });
  });
});

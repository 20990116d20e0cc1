import type { AnnotationQuery } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { fakeDataSource, request, runOne } from '../runner/testing/runTarget';
import { QueryType, type ChoreoQuery } from '../types';
import { alertEvents } from './alertEvents';
import { ALERT_PAGE_SIZE, alertAnnotationTarget } from './alertQuery';

const data = {
  getAlertSummary: {
    usage: [
      {
        apiId: 'a1',
        timestamp: '2021-06-21T00:00:00.0000000+05:30',
        category: 'LATENCY',
        metric: 'RESPONSE_LATENCY',
        severity: 'HIGH',
        message: 'p95 above 2 s',
      },
      {
        apiId: 'a2',
        timestamp: '2021-06-21T01:00:00.0000000+05:30',
        category: 'TRAFFIC',
        metric: 'TOTAL_TRAFFIC',
        severity: 'LOW',
        message: 'traffic spike',
      },
      {
        apiId: null,
        timestamp: '2021-06-21T02:00:00.1234567Z',
        category: 'TRAFFIC',
        metric: 'TOTAL_TRAFFIC',
        severity: 'MEDIUM',
        message: 'drop',
      },
    ],
    pagination: { total: 3 },
  },
};

const answers = {
  AlertSummary: { data },
  ListApis: { data: { listAllAPI: [{ id: 'a1', name: 'Pets', version: '1.0', provider: 'p' }] } },
};

/** The annotation's alert summary frames, as the runner builds them (a1 is named by ListApis). */
async function frames() {
  const { frames: built, errors } = await runOne(alertAnnotationTarget({ refId: 'Anno' }), answers);
  expect(errors).toEqual([]);
  return built;
}

describe('alert annotations', () => {
  it('maps alerts to events: exact time, message, tags', async () => {
    const events = alertEvents(await frames());
    expect(events[0]).toEqual({
      time: Date.UTC(2021, 5, 20, 18, 30),
      title: 'HIGH LATENCY alert: Pets 1.0',
      text: 'p95 above 2 s',
      tags: ['Pets 1.0', 'LATENCY', 'RESPONSE_LATENCY', 'HIGH'],
    });
    expect(events.map((e) => e.time)).toEqual([
      Date.UTC(2021, 5, 20, 18, 30),
      Date.UTC(2021, 5, 20, 19, 30),
      Date.UTC(2021, 5, 21, 2, 0, 0, 123),
    ]);
    // An id ListApis does not know is shown as written; no id at all is "Unknown API".
    expect(events[1].tags?.[0]).toBe('a2');
    expect(events[2].tags?.[0]).toBe('Unknown API');
  });

  it('filters by minimum severity', async () => {
    const f = await frames();
    expect(alertEvents(f, { minSeverity: 'MEDIUM' }).map((e) => e.text)).toEqual(['p95 above 2 s', 'drop']);
    expect(alertEvents(f, { minSeverity: 'HIGH' }).map((e) => e.text)).toEqual(['p95 above 2 s']);
  });

  it('builds an alert summary target with category, APIs (variables allowed) and a large page', async () => {
    const t = alertAnnotationTarget({
      refId: 'Anno',
      alertCategory: 'TRAFFIC',
      apiIds: ['$api'],
      environmentId: '$env',
    });
    expect(t).toEqual({
      refId: 'Anno',
      queryType: QueryType.AlertSummary,
      environmentId: '$env',
      alertCategory: 'TRAFFIC',
      apiIds: ['$api'],
      maxRows: ALERT_PAGE_SIZE,
    });
    const { requests } = await runOne(t, answers, { vars: { api: ['a1', 'a2'], env: 'env-7' } });
    expect(requests.map((r) => r.variables?.filter)).toEqual([
      {
        apiIds: ['a1', 'a2'],
        category: 'TRAFFIC',
        paginationFilter: { limit: ALERT_PAGE_SIZE, offset: 0, sortOrder: 'desc' },
      },
    ]);
    expect((requests[0].variables?.dataFilter as { environmentId: string }).environmentId).toBe('env-7');
  });

  it("runs through the data source's annotation support: prepared target, events by severity", async () => {
    const { ds, deps } = fakeDataSource(answers);
    const support = ds.annotations!;
    const anno = {
      target: { refId: 'Anno', minSeverity: 'MEDIUM', alertCategory: 'LATENCY' },
    } as unknown as AnnotationQuery<ChoreoQuery>;
    const target = support.prepareQuery!(anno)!;
    const res = await lastValueFrom(ds.query(request([target])));
    const events = await lastValueFrom(support.processEvents!(anno, res.data)!);
    expect(events?.map((e) => e.title)).toEqual(['HIGH LATENCY alert: Pets 1.0', 'MEDIUM TRAFFIC alert: Unknown API']);
    expect(
      deps.transport.sent('AlertSummary').map((r) => (r.variables?.filter as { category?: string }).category)
    ).toEqual(['LATENCY']);
  });
});

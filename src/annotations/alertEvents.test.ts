import { ResponseMapper } from '../graphql/responseMapper';
import { QueryType } from '../types';
import { alertEvents } from './alertEvents';
import { ALERT_PAGE_SIZE, alertAnnotationTarget } from './alertQuery';

const response = {
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

function frames() {
  const target = alertAnnotationTarget({ refId: 'Anno' });
  return new ResponseMapper(target.graphql).map(response, 'Anno').frames;
}

const names = (id: string | null) => (id === 'a1' ? 'Pets 1.0' : (id ?? 'Unknown API'));

describe('alert annotations', () => {
  it('maps alerts to events: exact time, message, tags', () => {
    const events = alertEvents(frames(), { apiName: names });
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
    expect(events[2].tags?.[0]).toBe('Unknown API');
  });

  it('filters by minimum severity', () => {
    expect(alertEvents(frames(), { apiName: names, minSeverity: 'MEDIUM' }).map((e) => e.text)).toEqual([
      'p95 above 2 s',
      'drop',
    ]);
    expect(alertEvents(frames(), { apiName: names, minSeverity: 'HIGH' }).map((e) => e.text)).toEqual([
      'p95 above 2 s',
    ]);
  });

  it('builds a GraphQL target with category, APIs (variables allowed) and a large page', () => {
    const t = alertAnnotationTarget({
      refId: 'Anno',
      alertCategory: 'TRAFFIC',
      apiIds: ['$api'],
      environmentId: '$env',
    });
    expect(t.queryType).toBe(QueryType.GraphQL);
    expect(t.environmentId).toBe('$env');
    expect(JSON.parse(t.graphql?.variables ?? '')).toEqual({
      filter: { paginationFilter: { limit: ALERT_PAGE_SIZE, offset: 0 }, category: 'TRAFFIC', apiIds: ['$api'] },
    });
  });
});

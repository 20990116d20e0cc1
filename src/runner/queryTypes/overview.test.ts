import { FieldType } from '@grafana/data';

import { QueryType } from '../../types';
import { h, runOne, values } from '../testing/runTarget';

const scope = {
  timeFilter: { from: '2024-01-01T00:00:00.000Z', to: '2024-01-01T03:00:00.000Z' },
  dataFilter: { orgId: 'org-1', tenant: 'carbon.super', environmentId: 'env-1' },
};

describe('OverviewKpi', () => {
  it('total traffic: one number field, short unit, no API names fetched', async () => {
    const { frames, requests, allRequests } = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'totalTraffic' },
      { OverviewTotalTraffic: { data: { traffic: 2096564 } } }
    );
    expect(requests[0].query).toContain('getTotalTraffic(filter: $timeFilter, dataFilter: $dataFilter)');
    expect(requests[0].variables).toEqual(scope);
    expect(allRequests).toHaveLength(1);
    expect(frames).toHaveLength(1);
    const f = frames[0];
    expect(f.fields).toHaveLength(1);
    expect(f.fields[0]).toMatchObject({ name: 'Total Traffic', type: FieldType.number, values: [2096564] });
    expect(f.fields[0].config.unit).toBe('short');
    expect(f.meta?.type).toBe('numeric-wide');
    expect(f.meta?.typeVersion).toEqual([0, 1]);
  });

  it('error rate: errors / traffic × 100 from one document', async () => {
    const { frames, requests } = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'errorRate' },
      { OverviewErrorRate: { data: { traffic: 2000, errors: 180 } } }
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].query).toContain('getTotalTraffic');
    expect(requests[0].query).toContain('getTotalErrors');
    expect(frames[0].fields[0]).toMatchObject({ name: 'Error Rate', values: [9] });
    expect(frames[0].fields[0].config.unit).toBe('percent');
  });

  it('error rate with no traffic is 0, with unknown traffic null', async () => {
    const zero = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'errorRate' },
      { OverviewErrorRate: { data: { traffic: 0, errors: 0 } } }
    );
    expect(values(zero.frames[0], 'Error Rate')).toEqual([0]);
    const none = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'errorRate' },
      { OverviewErrorRate: { data: { traffic: null, errors: 3 } } }
    );
    expect(values(none.frames[0], 'Error Rate')).toEqual([null]);
  });

  it('error count and p95 latency', async () => {
    const errs = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'errorCount' },
      { OverviewErrorCount: { data: { errors: 186274 } } }
    );
    expect(errs.frames[0].fields[0]).toMatchObject({ name: 'Error Request Count', values: [186274] });
    const lat = await runOne(
      { queryType: QueryType.OverviewKpi, kpi: 'latencyP95' },
      { OverviewLatencyP95: { data: { latency: 3163.5 } } }
    );
    expect(lat.requests[0].query).toContain('getOverallLatency');
    expect(lat.frames[0].fields[0]).toMatchObject({ name: '95th Percentile Latency', values: [3163.5] });
    expect(lat.frames[0].fields[0].config.unit).toBe('ms');
  });

  it('an unknown KPI is an error in the panel, not a request', async () => {
    // A hand-edited saved query may carry anything.
    const { errors, requests } = await runOne({ queryType: QueryType.OverviewKpi, kpi: 'nope' as 'errorRate' }, {});
    expect(requests).toHaveLength(0);
    expect(errors).toEqual([
      { refId: 'A', message: 'Unknown KPI "nope": choose totalTraffic, errorCount, errorRate, latencyP95.' },
    ]);
  });
});

describe('RequestSummary', () => {
  const data = {
    success: {
      granularity: '1h',
      summary: [
        { timeSpan: '2024-01-01T05:30:00.0000000+05:30', requestCount: 100 },
        { timeSpan: '2024-01-01T02:00:00.0000000Z', requestCount: 120 },
      ],
    },
    errors: { granularity: '1h', summary: [{ timeSpan: '2024-01-01T01:00:00.0000000Z', errorCount: 7 }] },
    latency: {
      granularity: '1h',
      summary: [
        { timeSpan: '2024-01-01T00:00:00.0000000Z', latencyTime: 250.5 },
        { timeSpan: '2024-01-01T02:00:00.0000000Z', latencyTime: 300 },
      ],
    },
  };

  it('sends the three summaries with the resolved granularity', async () => {
    const { requests } = await runOne({ queryType: QueryType.RequestSummary }, { RequestSummary: { data } });
    expect(requests[0].variables).toEqual({ ...scope, granularity: '1h', latencyFilter: { granularity: '1h' } });
    expect(requests[0].operationName).toBe('RequestSummary');
  });

  it('aligns the three series on one axis: counts 0 in empty buckets, latency null', async () => {
    const { frames } = await runOne({ queryType: QueryType.RequestSummary }, { RequestSummary: { data } });
    const f = frames[0];
    expect(f.meta?.type).toBe('timeseries-wide');
    expect(f.fields.map((x) => [x.name, x.type])).toEqual([
      ['Time', 'time'],
      ['Success', 'number'],
      ['Errors', 'number'],
      ['Latency', 'number'],
    ]);
    expect(values(f, 'Time')).toEqual([h(0), h(1), h(2)]);
    expect(values(f, 'Success')).toEqual([100, 0, 120]);
    expect(values(f, 'Errors')).toEqual([0, 7, 0]);
    expect(values(f, 'Latency')).toEqual([250.5, null, 300]);
    const latency = f.fields[3];
    expect(latency.config.unit).toBe('ms');
    expect(latency.config.custom).toEqual({ axisPlacement: 'right' });
    expect(f.fields[1].config.unit).toBe('short');
    expect(f.fields[1].config.displayNameFromDS).toBe('Success');
  });

  it('shows the query sent in the Query inspector', async () => {
    const { frames } = await runOne({ queryType: QueryType.RequestSummary }, { RequestSummary: { data } });
    const text = frames[0].meta?.executedQueryString ?? '';
    expect(text).toContain('query RequestSummary(');
    expect(text).toContain('"granularity": "1h"');
    expect(text).toContain('"orgId": "org-1"');
  });

  it('with no data gives an empty frame, not an error', async () => {
    const { frames, errors } = await runOne(
      { queryType: QueryType.RequestSummary },
      { RequestSummary: { data: { success: null, errors: { summary: [] }, latency: null } } }
    );
    expect(errors).toEqual([]);
    expect(frames[0].length).toBe(0);
    expect(frames[0].fields).toHaveLength(4);
  });
});

import { dateTime } from '@grafana/data';

import { toTimeFilter } from './timeFilter';

describe('toTimeFilter', () => {
  it('writes both ends as ISO-8601 UTC with milliseconds', () => {
    const range = { from: dateTime('2024-03-01T10:00:00+02:00'), to: dateTime(Date.UTC(2024, 2, 1, 9, 30, 0, 5)) };
    expect(toTimeFilter(range)).toEqual({ from: '2024-03-01T08:00:00.000Z', to: '2024-03-01T09:30:00.005Z' });
  });

  it('keeps exact range boundaries (no rounding to buckets)', () => {
    const range = { from: dateTime(0), to: dateTime(1) };
    expect(toTimeFilter(range)).toEqual({ from: '1970-01-01T00:00:00.000Z', to: '1970-01-01T00:00:00.001Z' });
  });
});

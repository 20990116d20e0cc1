import { parseIsoTime, parseTime } from './timeParse';

describe('parseIsoTime', () => {
  it.each([
    ['2021-06-21T00:00:00.0000000+05:30', Date.UTC(2021, 5, 20, 18, 30)],
    ['2021-06-21T00:00:00.1234567+05:30', Date.UTC(2021, 5, 20, 18, 30, 0, 123)],
    ['2021-06-21T00:00:00.9999999Z', Date.UTC(2021, 5, 21, 0, 0, 0, 999)],
    ['2021-06-21T10:15:30Z', Date.UTC(2021, 5, 21, 10, 15, 30)],
    ['2021-06-21T10:15:30.5-04:00', Date.UTC(2021, 5, 21, 14, 15, 30, 500)],
    ['2021-06-21T10:15:30+0530', Date.UTC(2021, 5, 21, 4, 45, 30)],
    ['2021-06-21 10:15', Date.UTC(2021, 5, 21, 10, 15)],
    ['2021-06-21', Date.UTC(2021, 5, 21)],
  ])('parses %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it('reads a time without offset as UTC, as the API does (not local time)', () => {
    expect(parseIsoTime('2021-06-21T00:00:00.0000000')).toBe(Date.UTC(2021, 5, 21));
  });

  it.each(['', 'yesterday', '2021-13-01T00:00:00Z', '2021-06-21T25:00:00Z', '1624233600000'])('rejects %p', (text) => {
    expect(parseIsoTime(text)).toBeUndefined();
  });
});

describe('parseTime', () => {
  it('reads epoch seconds and milliseconds, as numbers or numeric strings', () => {
    expect(parseTime(1624233600, 'epochSeconds')).toBe(1624233600000);
    expect(parseTime('1624233600', 'epochSeconds')).toBe(1624233600000);
    expect(parseTime(1624233600123, 'epochMillis')).toBe(1624233600123);
    expect(parseTime('1624233600123', 'epochMillis')).toBe(1624233600123);
  });

  it('does not read numbers as ISO times or text as epochs', () => {
    expect(parseTime(1624233600, 'iso')).toBeUndefined();
    expect(parseTime('2021-06-21', 'epochMillis')).toBeUndefined();
  });
});

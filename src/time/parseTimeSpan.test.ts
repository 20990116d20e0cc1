/** @jest-environment node */
import fc from 'fast-check';

import { parseTimeSpan } from './parseTimeSpan';

const utc = (iso: string) => new Date(iso).getTime();

describe('parseTimeSpan', () => {
  it.each([
    ['2021-06-21T00:00:00.0000000+05:30', utc('2021-06-20T18:30:00Z')],
    ['2021-06-21T00:00:00.0000000-04:00', utc('2021-06-21T04:00:00Z')],
    ['2021-06-21T00:00:00.0000000Z', utc('2021-06-21T00:00:00Z')],
    ['2021-06-21T10:15:30.1234567Z', utc('2021-06-21T10:15:30.123Z')],
    ['2021-06-21T10:15:30.9999999Z', utc('2021-06-21T10:15:30.999Z')],
    ['2021-06-21T10:15:30.5Z', utc('2021-06-21T10:15:30.500Z')],
    ['2021-06-21T10:15:30.05+00:00', utc('2021-06-21T10:15:30.050Z')],
    ['2021-06-21T10:15:30,25Z', utc('2021-06-21T10:15:30.250Z')],
    ['2021-06-21T10:15:30', utc('2021-06-21T10:15:30Z')],
    ['2021-06-21T10:15:30.0000000', utc('2021-06-21T10:15:30Z')],
    ['2021-06-21 10:15', utc('2021-06-21T10:15:00Z')],
    ['2021-06-21T10:15:30+0530', utc('2021-06-21T04:45:30Z')],
    ['2021-06-21T10:15:30+05', utc('2021-06-21T05:15:30Z')],
    ['2021-06-21', utc('2021-06-21T00:00:00Z')],
    ['2024-02-29T23:59:59.999Z', utc('2024-02-29T23:59:59.999Z')],
    ['1970-01-01T00:00:00Z', 0],
    ['1969-12-31T23:59:59Z', -1000],
    ['0050-03-01T00:00:00Z', utc('0050-03-01T00:00:00.000Z')],
  ])('%s', (input, expected) => {
    expect(parseTimeSpan(input)).toBe(expected);
  });

  it.each([
    '',
    '2021',
    '2021-6-21',
    '2021-13-01',
    '2021-02-29',
    '2021-06-31T00:00:00Z',
    '2021-06-21T24:00:00Z',
    '2021-06-21T10:60:00Z',
    '2021-06-21T10:15:61Z',
    '2021-06-21T10:15:30.Z',
    '2021-06-21T10:15:30Zjunk',
    '2021-06-21T10:15:30+5:30',
    '2021-06-21X10:15',
    'abcd-ef-ghT00:00:00Z',
  ])('rejects %j', (input) => {
    expect(parseTimeSpan(input)).toBeNaN();
  });

  it('rejects non-strings', () => {
    expect(parseTimeSpan(null)).toBeNaN();
    expect(parseTimeSpan(undefined)).toBeNaN();
  });

  it('agrees with Date on any instant written with any offset and 7 fraction digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.integer({ min: 0, max: 9999 }),
        (ms, offsetMin, subMs) => {
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local}${String(subMs).padStart(4, '0')}${off}`;
          expect(parseTimeSpan(text)).toBe(ms);
        }
      )
    );
  });
});

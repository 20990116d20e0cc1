/** @jest-environment node */
// The dashboard time zone side of timeFilter.ts (timeFilter.test.ts covers UTC ranges).
import type { DateTime } from '@grafana/data';

import { offsetMinutes, resolveTimeZone, timeFilterOf, toIsoWithOffset, toTimeFilter } from './timeFilter';

/** The part of a DateTime that toTimeFilter reads. */
const at = (ms: number) => ({ valueOf: () => ms }) as unknown as DateTime;

const NOV_24 = Date.UTC(2026, 10, 24);
// US daylight saving time starts on 2026-03-08 at 02:00 PST = 10:00Z.
const DST_START = Date.UTC(2026, 2, 8, 10);

describe('offsetMinutes', () => {
  it('is +330 for Asia/Kolkata, all year', () => {
    expect(offsetMinutes('Asia/Kolkata', NOV_24)).toBe(330);
    expect(offsetMinutes('Asia/Kolkata', Date.UTC(2026, 6, 1))).toBe(330);
  });

  it('is -480 for America/Los_Angeles in winter and -420 in summer, switching at the DST instant', () => {
    expect(offsetMinutes('America/Los_Angeles', NOV_24)).toBe(-480);
    expect(offsetMinutes('America/Los_Angeles', Date.UTC(2026, 6, 1))).toBe(-420);
    expect(offsetMinutes('America/Los_Angeles', DST_START - 1)).toBe(-480);
    expect(offsetMinutes('America/Los_Angeles', DST_START)).toBe(-420);
  });

  it('is 0 for UTC and zones at offset 0', () => {
    expect(offsetMinutes('UTC', NOV_24)).toBe(0);
    expect(offsetMinutes('Etc/UTC', NOV_24)).toBe(0);
    expect(offsetMinutes('Europe/London', NOV_24)).toBe(0);
    expect(offsetMinutes('Europe/London', Date.UTC(2026, 6, 1))).toBe(60);
  });

  it('reads offsets with minutes and west of UTC', () => {
    expect(offsetMinutes('Asia/Kathmandu', NOV_24)).toBe(345);
    expect(offsetMinutes('America/St_Johns', NOV_24)).toBe(-210);
    expect(offsetMinutes('Etc/GMT+5', NOV_24)).toBe(-300);
  });

  it('is undefined for a zone the runtime does not know', () => {
    expect(offsetMinutes('Mars/Olympus_Mons', NOV_24)).toBeUndefined();
    expect(offsetMinutes('', NOV_24)).toBeUndefined();
  });
});

describe('toIsoWithOffset', () => {
  it('writes the local time with its offset and milliseconds', () => {
    expect(toIsoWithOffset(NOV_24, 330)).toBe('2026-11-24T05:30:00.000+05:30');
    expect(toIsoWithOffset(Date.UTC(2026, 10, 23, 18, 30), 330)).toBe('2026-11-24T00:00:00.000+05:30');
    expect(toIsoWithOffset(NOV_24 + 5, -480)).toBe('2026-11-23T16:00:00.005-08:00');
    expect(toIsoWithOffset(NOV_24, -210)).toBe('2026-11-23T20:30:00.000-03:30');
    expect(toIsoWithOffset(NOV_24, 345)).toBe('2026-11-24T05:45:00.000+05:45');
  });

  it('writes an offset of 0 as Z', () => {
    expect(toIsoWithOffset(NOV_24, 0)).toBe('2026-11-24T00:00:00.000Z');
  });

  it('describes the same instant', () => {
    for (const minutes of [330, -480, -210, 345, 60]) {
      expect(Date.parse(toIsoWithOffset(NOV_24 + 123, minutes))).toBe(NOV_24 + 123);
    }
  });
});

describe('resolveTimeZone', () => {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it("reads Grafana's browser (and empty) as the runtime's own zone", () => {
    expect(resolveTimeZone('browser')).toBe(browser);
    expect(resolveTimeZone('')).toBe(browser);
    expect(resolveTimeZone('  ')).toBe(browser);
    expect(resolveTimeZone(undefined)).toBe(browser);
  });

  it('reads utc in any case as UTC and keeps IANA names, trimmed', () => {
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(resolveTimeZone('UTC')).toBe('UTC');
    expect(resolveTimeZone(' Asia/Kolkata ')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBe('Mars/Olympus_Mons');
  });
});

describe('toTimeFilter', () => {
  it("writes each end in the zone's offset: days start at the dashboard's midnight", () => {
    const from = Date.UTC(2026, 10, 20, 18, 30);
    const to = Date.UTC(2026, 10, 24, 18, 30);
    expect(toTimeFilter({ from: at(from), to: at(to) }, 'Asia/Kolkata')).toEqual({
      from: '2026-11-21T00:00:00.000+05:30',
      to: '2026-11-25T00:00:00.000+05:30',
    });
  });

  it('gives each end its own offset across a DST change', () => {
    const from = Date.UTC(2026, 2, 7, 8);
    const to = Date.UTC(2026, 2, 9, 7);
    expect(toTimeFilter({ from: at(from), to: at(to) }, 'America/Los_Angeles')).toEqual({
      from: '2026-03-07T00:00:00.000-08:00',
      to: '2026-03-09T00:00:00.000-07:00',
    });
  });

  it('writes UTC, and zones at offset 0, with Z', () => {
    const range = { from: at(NOV_24), to: at(NOV_24 + 86_400_000) };
    const utc = { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };
    expect(toTimeFilter(range)).toEqual(utc);
    expect(toTimeFilter(range, 'UTC')).toEqual(utc);
    expect(toTimeFilter(range, 'utc')).toEqual(utc);
    expect(toTimeFilter(range, 'Europe/London')).toEqual(utc);
  });

  it('is undefined for an unknown zone', () => {
    expect(toTimeFilter({ from: at(NOV_24), to: at(NOV_24 + 1) }, 'Mars/Olympus_Mons')).toBeUndefined();
    expect(timeFilterOf(NOV_24, NOV_24 + 1, 'Nowhere/Else')).toBeUndefined();
  });
});

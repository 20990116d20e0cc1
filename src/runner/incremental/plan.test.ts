/** @jest-environment node */
import type { CachedAnswer } from './cache';
import { incrementalPlan, type IncrementalPlan } from './plan';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
/** 2026-11-24 at hh:mm UTC. */
const t = (hhmm: string) => at(`2026-11-24T${hhmm}:00.000Z`);
const cached = (fromMs: number, toMs: number): CachedAnswer => ({ fromMs, toMs, offsetMinutes: 0, data: {}, bytes: 1 });
const spans = (p: IncrementalPlan | undefined) =>
  p && {
    head: p.head && [new Date(p.head.fromMs).toISOString(), new Date(p.head.toMs).toISOString()],
    keep: [new Date(p.keep.fromMs).toISOString(), new Date(p.keep.toMs).toISOString()],
    tail: [new Date(p.tail.fromMs).toISOString(), new Date(p.tail.toMs).toISOString()],
  };

describe('incrementalPlan: when a full fetch is needed', () => {
  const last = cached(t('00:00'), t('12:05'));

  it('without a cached answer', () => {
    expect(incrementalPlan(undefined, t('00:05'), t('12:10'), '1h', 0, 10 * MIN)).toBeUndefined();
  });

  it('for a range that starts before the cached one', () => {
    expect(incrementalPlan(last, t('00:00') - 1, t('12:10'), '1h', 0, 10 * MIN)).toBeUndefined();
  });

  it('for a range that starts at or after the cached end', () => {
    expect(incrementalPlan(last, t('12:05'), t('13:00'), '1h', 0, 10 * MIN)).toBeUndefined();
  });

  it('for a range that ends before the cached one', () => {
    expect(incrementalPlan(last, t('00:05'), t('12:04'), '1h', 0, 10 * MIN)).toBeUndefined();
  });

  it('when the tail would reach back to the kept start (nothing left to keep)', () => {
    const short = cached(t('00:00'), t('01:30'));
    expect(incrementalPlan(short, t('00:30'), t('01:35'), '1h', 0, 10 * MIN)).toBeUndefined();
    expect(incrementalPlan(cached(t('00:00'), t('02:05')), t('00:00'), t('02:10'), '1h', 0, 10 * MIN)).toBeUndefined();
  });
});

describe('incrementalPlan: what to fetch again', () => {
  const last = cached(t('00:00'), t('12:05'));

  it('same start: keeps from the first bucket, fetches from the last complete bucket minus the overlap', () => {
    // Last complete bucket 11:00; minus 10 minutes is 10:50, in the 10:00 bucket.
    expect(spans(incrementalPlan(last, t('00:00'), t('12:10'), '1h', 0, 10 * MIN))).toEqual({
      head: undefined,
      keep: ['2026-11-24T00:00:00.000Z', '2026-11-24T10:00:00.000Z'],
      tail: ['2026-11-24T10:00:00.000Z', '2026-11-24T12:10:00.000Z'],
    });
  });

  it('same start inside a bucket: the cached first bucket is what a full fetch gives', () => {
    const inside = cached(t('00:20'), t('12:05'));
    expect(spans(incrementalPlan(inside, t('00:20'), t('12:10'), '1h', 0, 10 * MIN))?.keep[0]).toBe(
      '2026-11-24T00:00:00.000Z'
    );
  });

  it('start moved inside a bucket: fetches that bucket again from the new start (the head)', () => {
    expect(spans(incrementalPlan(last, t('00:05'), t('12:10'), '1h', 0, 10 * MIN))).toEqual({
      head: ['2026-11-24T00:05:00.000Z', '2026-11-24T01:00:00.000Z'],
      keep: ['2026-11-24T01:00:00.000Z', '2026-11-24T10:00:00.000Z'],
      tail: ['2026-11-24T10:00:00.000Z', '2026-11-24T12:10:00.000Z'],
    });
  });

  it('start moved onto a bucket boundary: no head', () => {
    expect(spans(incrementalPlan(last, t('01:00'), t('12:10'), '1h', 0, 10 * MIN))).toEqual({
      head: undefined,
      keep: ['2026-11-24T01:00:00.000Z', '2026-11-24T10:00:00.000Z'],
      tail: ['2026-11-24T10:00:00.000Z', '2026-11-24T12:10:00.000Z'],
    });
  });

  it('fetches from the last complete bucket without overlap, and from the bucket the overlap reaches', () => {
    expect(spans(incrementalPlan(last, t('00:00'), t('12:10'), '1h', 0, 0))?.tail[0]).toBe('2026-11-24T11:00:00.000Z');
    // 15m: the last complete bucket is 11:45; 10 minutes before it is 11:35, in the 11:30 bucket.
    expect(spans(incrementalPlan(last, t('00:00'), t('12:10'), '15m', 0, 10 * MIN))).toEqual({
      head: undefined,
      keep: ['2026-11-24T00:00:00.000Z', '2026-11-24T11:30:00.000Z'],
      tail: ['2026-11-24T11:30:00.000Z', '2026-11-24T12:10:00.000Z'],
    });
  });

  it("plans days at +05:30 on the filter's midnight", () => {
    const days = cached(at('2026-11-20T18:30:00Z'), at('2026-11-26T06:00:00Z'));
    expect(
      spans(incrementalPlan(days, at('2026-11-20T19:30:00Z'), at('2026-11-26T07:00:00Z'), '1d', 330, 10 * MIN))
    ).toEqual({
      head: ['2026-11-20T19:30:00.000Z', '2026-11-21T18:30:00.000Z'],
      keep: ['2026-11-21T18:30:00.000Z', '2026-11-23T18:30:00.000Z'],
      tail: ['2026-11-23T18:30:00.000Z', '2026-11-26T07:00:00.000Z'],
    });
  });

  it('plans weeks from Monday to Monday', () => {
    const week = cached(at('2026-11-02T00:00:00Z'), at('2026-11-30T12:00:00Z'));
    const p = incrementalPlan(week, at('2026-11-04T00:00:00Z'), at('2026-11-30T13:00:00Z'), '7d', 0, 10 * MIN);
    expect(spans(p)).toEqual({
      head: ['2026-11-04T00:00:00.000Z', '2026-11-09T00:00:00.000Z'],
      keep: ['2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
      tail: ['2026-11-16T00:00:00.000Z', '2026-11-30T13:00:00.000Z'],
    });
  });
});

/** @jest-environment node */
import { Emulator, startEmulator } from './server';
import { NOW, PROD_FILTER, demoToken, gql } from './testUtils';

const Q = `query($t: TimeFilter!, $d: DataFilter!) {
  getSuccessSummary(filter: $t, dataFilter: $d, granularity: "1m") { summary { timeSpan requestCount } }
}`;

/** Requests per minute over the 20 minutes before `now` (a minute nobody saw yet reads 0). */
async function minutes(emu: Emulator, now: number): Promise<number[]> {
  const token = await demoToken(emu);
  const r = await gql(emu, token, Q, {
    t: { from: new Date(now - 20 * 60_000).toISOString(), to: new Date(now).toISOString() },
    d: PROD_FILTER,
  });
  const summary = (r.body.data?.getSuccessSummary as { summary: Array<{ timeSpan: string; requestCount: number }> })
    .summary;
  const byTime = new Map(summary.map((b) => [Date.parse(b.timeSpan), b.requestCount]));
  return Array.from({ length: 20 }, (_, i) => byTime.get(now - (20 - i) * 60_000) ?? 0);
}

describe('late data (ingestion delay)', () => {
  it('shows the newest minutes partly, growing as time passes, and older minutes in full', async () => {
    let now = NOW;
    const settled = await startEmulator({ port: 0, now: () => now });
    const late = await startEmulator({ port: 0, now: () => now, lateDataMinutes: 10 });
    try {
      const full = await minutes(settled, NOW);
      const partial = await minutes(late, NOW);
      expect(full).toHaveLength(20);
      // Minutes that ended 10 minutes ago or earlier are complete.
      expect(partial.slice(0, 10)).toEqual(full.slice(0, 10));
      expect(partial.slice(10).reduce((a, b) => a + b, 0)).toBeLessThan(full.slice(10).reduce((a, b) => a + b, 0));
      // The minute that just ended is not visible yet; the one before it, barely.
      expect(partial[19]).toBe(0);
      expect(partial[18]).toBeLessThanOrEqual(Math.ceil(full[18] * 0.1));
      // Ten minutes later the same minutes are complete.
      now = NOW + 10 * 60_000;
      const later = (await minutes(late, now)).slice(0, 10);
      expect(later).toEqual(full.slice(10));
      late.setLateData(0);
      now = NOW;
      expect(await minutes(late, NOW)).toEqual(full);
    } finally {
      await settled.close();
      await late.close();
    }
  });
});

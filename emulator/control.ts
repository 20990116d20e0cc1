import { IncomingMessage, ServerResponse } from 'http';
import { Faults, parseFaults } from './faults';
import { readBody, sendJson } from './httpHelpers';
import { Stats } from './stats';

/** Control endpoints under /__emulator/ for docker users and benchmarks (never faulted). */

export interface ControlTarget {
  stats: Stats;
  faults(): Faults;
  setFaults(f: Faults): void;
  clearFaults(): void;
  resetStats(): void;
  revokeAll(): void;
  setLateData(minutes: number): void;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  t: ControlTarget
): Promise<void> {
  const route = `${req.method} ${path}`;
  switch (route) {
    case 'GET /__emulator/stats':
      sendJson(res, 200, t.stats);
      return;
    case 'GET /__emulator/faults':
      sendJson(res, 200, t.faults());
      return;
    case 'POST /__emulator/faults': {
      let faults: Faults;
      try {
        const text = (await readBody(req)).toString('utf8');
        faults = parseFaults(text.trim() === '' ? {} : JSON.parse(text));
      } catch (e) {
        sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
        return;
      }
      t.setFaults(faults);
      sendJson(res, 200, faults);
      return;
    }
    case 'DELETE /__emulator/faults':
      t.clearFaults();
      sendJson(res, 200, {});
      return;
    case 'POST /__emulator/reset':
      t.clearFaults();
      t.resetStats();
      sendJson(res, 200, { faults: {}, stats: t.stats });
      return;
    case 'POST /__emulator/late-data': {
      let minutes: unknown;
      try {
        minutes = (JSON.parse((await readBody(req)).toString('utf8') || '{}') as { minutes?: unknown }).minutes;
      } catch {
        minutes = undefined;
      }
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > 1440) {
        sendJson(res, 400, { error: 'late-data takes {"minutes": 0..1440}' });
        return;
      }
      t.setLateData(minutes);
      sendJson(res, 200, { minutes });
      return;
    }
    case 'POST /__emulator/revoke-all':
      t.revokeAll();
      sendJson(res, 200, { revoked: true });
      return;
    default:
      sendJson(res, 404, { error: `No control endpoint ${route}` });
  }
}

import { type DataFrame, type DataQueryError, type DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { DEMO_CREDENTIALS, ENV_IDS } from '../../emulator/demo';
import type { DataSource } from '../../src/datasource';
import type { ChoreoOptions } from '../../src/options';
import type { ChoreoQuery } from '../../src/types';
import { type PanelRequestOptions, panelRequest as sharedPanelRequest } from '../fakes/panelRequest';
import { startStack, type Stack } from '../stack/startStack';

export { recordingPolicy } from '../stack/startStack';

/** The clock the emulator, proxy and panel ranges share: no data exists after it. */
export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const FROM = Date.parse('2026-11-24T00:00:00Z');
export const TO = Date.parse('2026-11-25T00:00:00Z');
export const HOUR = 3_600_000;

/** Dashboard variables every trust spec sees (`$apis` is an empty multi-value selection). */
export const DASHBOARD_VARS: Record<string, string | string[]> = {
  env: ENV_IDS.production,
  apis: [],
  many: ['a', 'b'],
};

/** The stack of testing/stack/startStack.ts, on the trust specs' clock and variables. */
export type TrustStack = Stack;

export interface TrustStackOptions {
  /** undefined: the demo secret; null: no secret saved at all. */
  secret?: string | null;
  upstreamTimeoutMs?: number;
  jsonData?: Partial<ChoreoOptions>;
}

export function startTrustStack(opts: TrustStackOptions = {}): Promise<TrustStack> {
  return startStack({
    now: () => NOW,
    upstreamTimeoutMs: opts.upstreamTimeoutMs,
    secret: opts.secret === undefined ? DEMO_CREDENTIALS.consumerSecret : opts.secret,
    jsonData: { defaultEnvironmentId: ENV_IDS.production, ...opts.jsonData },
    variables: DASHBOARD_VARS,
  });
}

/** A panel request over the 24 h before the emulator's midnight, like a dashboard sends it. */
export function panelRequest(
  targets: Array<Partial<ChoreoQuery>>,
  over: PanelRequestOptions<ChoreoQuery> = {}
): DataQueryRequest<ChoreoQuery> {
  return sharedPanelRequest(targets, { requestId: 'trust', from: FROM, to: TO, ...over });
}

export interface PanelOutcome {
  frames: DataFrame[];
  errors: DataQueryError[];
  /** Every notice of every frame, as "severity: text". */
  notices: string[];
}

export async function runPanel(ds: DataSource, request: DataQueryRequest<ChoreoQuery>): Promise<PanelOutcome> {
  const res = await lastValueFrom(ds.query(request));
  const frames = (res.data ?? []) as DataFrame[];
  return {
    frames,
    errors: res.errors ?? [],
    notices: frames.flatMap((f) => (f.meta?.notices ?? []).map((n) => `${n.severity}: ${n.text}`)),
  };
}

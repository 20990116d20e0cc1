import { API_PATH } from '../../emulator/server';
import { settingProblem } from '../../src/settings/validateSettings';
import { proxyRequests, withoutBackend } from '../stack/health';
import { CONFIG_CASES } from './cases/config';
import { HEALTH_CASES, type Endpoints } from './cases/health';
import { QUERY_CASES, RESPONSE_CASES, type PanelCase, type PanelExpectation } from './cases/panels';
import { endpointsOf, Stacks, trackUncaught } from './stacks';
import { NOW, panelRequest, recordingPolicy, runPanel, type PanelOutcome } from './trustStack';

// Every bad input gets a clear answer: each case asserts the exact text a user reads (config
// page, Save & test, panel error or notice), through the real DataSource, the Grafana-faithful
// proxy and the emulator. Nothing may throw past the plugin.

const stacks = new Stacks();
const uncaught = trackUncaught();
afterAll(async () => {
  await stacks.closeAll();
  uncaught.stop();
  expect(uncaught.errors).toEqual([]);
});

const resolve = <T>(v: T | ((e: Endpoints) => T), e: Endpoints): T =>
  typeof v === 'function' ? (v as (e: Endpoints) => T)(e) : v;

describe('config page messages', () => {
  it.each(CONFIG_CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(settingProblem(c.key, c.value, c.secretConfigured)).toBe(c.expected);
  });
});

describe('Save & test', () => {
  it.each(HEALTH_CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const stack = await stacks.get(c.stack);
    const e = endpointsOf(stack);
    const before = proxyRequests(stack.browser).length;
    stack.emulator.setFaults(c.faults ?? {});
    try {
      const ds = stack.dataSource(c.jsonData ? resolve(c.jsonData, e) : {}, recordingPolicy());
      // The cases are the browser's check; these stacks run no plugin backend.
      await expect(ds.testDatasource()).resolves.toEqual(withoutBackend(resolve(c.expected, e)));
    } finally {
      stack.emulator.clearFaults();
    }
    if (c.sends === false) {
      expect(proxyRequests(stack.browser).length).toBe(before);
    }
  });

  it('sends an empty client_secret, not "<no value>", when no secret was saved', async () => {
    const stack = await stacks.get('noSecret');
    await stack.dataSource().testDatasource();
    const log = stack.proxy.stats.tokenRequestLog.map((r) => JSON.stringify(r));
    expect(log.join('\n')).toContain('client_secret=&');
    expect(log.join('\n')).not.toContain('no value');
  });
});

function summarize(out: PanelOutcome): PanelExpectation {
  return {
    error: out.errors.map((x) => x.message).join(' | ') || undefined,
    notices: out.notices.length ? out.notices : undefined,
    rows: out.frames.length ? out.frames.map((f) => f.length) : undefined,
  };
}

async function runCase(c: PanelCase) {
  const stack = await stacks.get(c.stack);
  // The throttling body's nextAccessTime is wall-clock time; a frozen clock makes the wait the
  // panel reads exactly the Retry-After the emulator was given.
  const frozen = c.faults?.retryAfterSeconds !== undefined ? jest.spyOn(Date, 'now').mockReturnValue(NOW) : undefined;
  stack.emulator.setFaults(c.faults ?? {});
  try {
    const ds = stack.dataSource({}, recordingPolicy());
    const out = await runPanel(ds, panelRequest(c.targets, c.request));
    return { out, expected: resolve(c.expected, endpointsOf(stack)) };
  } finally {
    frozen?.mockRestore();
    stack.emulator.clearFaults();
  }
}

function checkPanel(out: PanelOutcome, expected: PanelExpectation) {
  const got = summarize(out);
  // rows -1: "some rows, any number" (generated data); otherwise exact.
  if (expected.rows?.includes(-1)) {
    expect(got.rows?.length).toBe(expected.rows.length);
    got.rows = got.rows?.map((r, i) => (expected.rows![i] === -1 ? -1 : r));
  }
  expect(got).toEqual({ error: expected.error, notices: expected.notices, rows: expected.rows });
}

describe('panel: bad queries', () => {
  it.each(QUERY_CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const { out, expected } = await runCase(c);
    checkPanel(out, expected);
  });
});

describe('panel: bad answers', () => {
  it.each(RESPONSE_CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const { out, expected } = await runCase(c);
    checkPanel(out, expected);
  });

  it('only ever injects faults on the query API (sanity check of the corpus itself)', () => {
    for (const c of RESPONSE_CASES) {
      expect([c.name, c.faults?.onlyPath ?? API_PATH]).toEqual([c.name, API_PATH]);
    }
  });
});

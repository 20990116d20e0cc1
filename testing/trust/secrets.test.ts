import fs from 'node:fs';
import path from 'node:path';

import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { tap, type Observable } from 'rxjs';

import { API_PATH } from '../../emulator/server';
import { DEMO_CREDENTIALS } from '../../emulator/demo';
import { ALL_TARGETS } from './panelTargets';
import { trackUncaught } from './stacks';
import { panelRequest, recordingPolicy, runPanel, startTrustStack, type TrustStack } from './trustStack';

// The consumer secret lives in secureJsonData and the access token only between Grafana's
// server and Choreo. Neither may reach anything the browser or a user can see.

const SECRET = DEMO_CREDENTIALS.consumerSecret;
const DIST = path.resolve(__dirname, '../../dist');

describe('secrets never reach the browser', () => {
  let stack: TrustStack;
  const seen: string[] = [];
  const consoleCalls: string[] = [];
  const uncaught = trackUncaught();

  beforeAll(async () => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void consoleCalls.push(args.map(String).join(' ')));
    }
    stack = await startTrustStack();
    // Record every answer the browser receives, successful or not.
    const fetch = stack.browser.fetch.bind(stack.browser);
    stack.browser.fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
      fetch<T>(options).pipe(
        tap({
          next: (r) => seen.push(JSON.stringify(r.data)),
          error: (e: unknown) => seen.push(JSON.stringify(e)),
        })
      );

    const ds = () => stack.dataSource({}, recordingPolicy());
    seen.push(JSON.stringify(await ds().testDatasource()));
    const panel = async (faults = {}) => {
      stack.emulator.setFaults(faults);
      for (const target of ALL_TARGETS) {
        const out = await runPanel(ds(), panelRequest([target]));
        seen.push(JSON.stringify(out.frames), JSON.stringify(out.errors), JSON.stringify(out.notices));
      }
      seen.push(JSON.stringify(await ds().testDatasource()));
      stack.emulator.clearFaults();
    };
    await panel();
    for (const faults of [
      { status: 401 },
      { status: 403 },
      { status: 500 },
      { status: 200, body: '<html><title>x</title></html>' },
      { graphqlError: 'boom' },
      { graphqlError: { message: 'partial', partialData: true } },
    ]) {
      await panel({ onlyPath: API_PATH, ...faults });
    }
    // A wrong secret: the error path of the token exchange itself.
    const wrong = await startTrustStack({ secret: 'wrong-secret' });
    seen.push(JSON.stringify(await wrong.dataSource().testDatasource()));
    seen.push(JSON.stringify(wrong.browser.requests));
    await wrong.close();
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    uncaught.stop();
    await stack.close();
  });

  const secrets = () => [SECRET, ...stack.emulator.issuedTokens()];

  it('the test really used the secret and got tokens (else it proves nothing)', () => {
    expect(stack.emulator.issuedTokens().length).toBeGreaterThan(0);
    expect(JSON.stringify(stack.proxy.stats.tokenRequestLog)).toContain(encodeURIComponent(SECRET));
    expect(stack.browser.requests.length).toBeGreaterThan(100);
    // Server side, between Grafana and Choreo, the token is there: the search below would see it.
    const upstream = JSON.stringify(stack.proxy.stats.upstreamRequests);
    expect(stack.emulator.issuedTokens().some((t) => upstream.includes(t))).toBe(true);
  });

  it.each([
    ['jsonData', () => JSON.stringify(stack.jsonData), true],
    ['requests the browser sent (URLs, headers, bodies)', () => JSON.stringify(stack.browser.requests), true],
    ['answers the browser received, frames, errors, notices, health results', () => seen.join('\n'), true],
    // The plugin logs nothing today; whatever it logs later is checked too.
    ['console output', () => consoleCalls.join('\n'), false],
  ])('%s', (_what, text, nonEmpty) => {
    const haystack = text();
    expect(haystack.length > 0).toBe(nonEmpty || haystack.length > 0);
    for (const s of secrets()) {
      expect(haystack.includes(s) ? `leaks ${s.slice(0, 4)}…` : 'clean').toBe('clean');
    }
  });

  it('nothing was uncaught', () => {
    expect(uncaught.errors).toEqual([]);
  });

  it('dist/ (the shipped plugin) contains neither', () => {
    if (!fs.existsSync(DIST)) {
      throw new Error(`dist/ is missing: run "npm run build" before this spec (CI builds first).`);
    }
    const files = (fs.readdirSync(DIST, { recursive: true }) as string[])
      .map((f) => path.join(DIST, f))
      .filter((f) => fs.statSync(f).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(file).toString('latin1');
      for (const s of secrets()) {
        expect(text.includes(s) ? `${path.relative(DIST, file)} leaks ${s.slice(0, 4)}…` : 'clean').toBe('clean');
      }
    }
  });
});

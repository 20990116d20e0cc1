/**
 * `npm run test:go` (after `go vet ./...`): runs `go test -json ./...` in the root module, prints
 * one line per package and the output of every failing test, writes the JSON events to
 * test-artifacts/go-test.json for scripts/testSummary.ts, and exits with go test's status.
 *
 *   npx tsx scripts/goTest.ts [go test flags, e.g. -run TestPluginHost -count=1]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..');
export const GO_RESULTS_FILE = path.join(ROOT, 'test-artifacts/go-test.json');

/** One `go test -json` event (cmd/test2json). */
export interface GoTestEvent {
  Action: string;
  Package?: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
  ImportPath?: string;
}

export interface GoTestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts leaf tests (a test with subtests is counted through them, as jest counts each
 * `it.each` row once) from the final pass/fail/skip of each test.
 */
export function countGoTests(events: GoTestEvent[]): GoTestCounts {
  const outcome = new Map<string, string>();
  for (const e of events) {
    if (e.Test && (e.Action === 'pass' || e.Action === 'fail' || e.Action === 'skip')) {
      outcome.set(`${e.Package}\u0000${e.Test}`, e.Action);
    }
  }
  const keys = [...outcome.keys()];
  const counts: GoTestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const key of keys) {
    const children = keys.filter((other) => other.startsWith(`${key}/`));
    const action = outcome.get(key);
    if (action === 'fail') {
      // A parent fails with its failing subtest: count it only when it failed on its own.
      if (!children.some((c) => outcome.get(c) === 'fail')) {
        counts.failed++;
      }
    } else if (children.length === 0) {
      counts[action === 'pass' ? 'passed' : 'skipped']++;
    }
  }
  // A package that failed to build or panicked outside a test has no failing test event.
  for (const e of events) {
    if (
      !e.Test &&
      e.Action === 'fail' &&
      !events.some((x) => x.Package === e.Package && x.Test && x.Action === 'fail')
    ) {
      counts.failed++;
    }
  }
  return counts;
}

export function readGoResults(file = GO_RESULTS_FILE): GoTestEvent[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as GoTestEvent);
}

async function main(): Promise<number> {
  fs.mkdirSync(path.dirname(GO_RESULTS_FILE), { recursive: true });
  const out = fs.createWriteStream(GO_RESULTS_FILE);
  const child = spawn('go', ['test', '-json', ...process.argv.slice(2), './...'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`could not run go (Go 1.26.5 or later must be on PATH): ${e.message}`)));
    child.on('close', (c) => resolve(c ?? 1));
  });
  exited.catch(() => undefined); // awaited below, after the output is read

  const events: GoTestEvent[] = [];
  const outputs = new Map<string, string[]>();
  const lines = readline.createInterface({ input: child.stdout });
  for await (const line of lines) {
    out.write(`${line}\n`);
    if (!line.startsWith('{')) {
      process.stdout.write(`${line}\n`);
      continue;
    }
    const e = JSON.parse(line) as GoTestEvent;
    events.push(e);
    const key = `${e.Package ?? e.ImportPath}\u0000${e.Test ?? ''}`;
    if ((e.Action === 'output' || e.Action === 'build-output') && e.Output) {
      outputs.set(key, [...(outputs.get(key) ?? []), e.Output]);
    }
    if (e.Action === 'fail') {
      process.stdout.write((outputs.get(key) ?? []).join(''));
    }
    if (!e.Test && e.Package && (e.Action === 'pass' || e.Action === 'fail' || e.Action === 'skip')) {
      const word = { pass: 'ok  ', fail: 'FAIL', skip: '?   ' }[e.Action];
      process.stdout.write(`${word} ${e.Package}${e.Elapsed !== undefined ? ` ${e.Elapsed.toFixed(1)}s` : ''}\n`);
    }
  }
  const code = await exited;
  await new Promise((resolve) => out.end(resolve));
  const c = countGoTests(events);
  console.log(`go: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
  );
}

/**
 * Starts `sandbox/server.ts` (the same command contributors run) on a free 127.0.0.1 port and
 * hands its URL to the specs through SANDBOX_URL. A child process rather than an in-process
 * import: webpack and the servers stay out of Playwright's runner, and the command itself is
 * what gets tested. With SANDBOX_URL set, the specs use that sandbox instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { READY_PREFIX } from '../sandbox/ready';

const ROOT = path.resolve(__dirname, '..');
const START_TIMEOUT_MS = 150_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Against an already running `npm run sandbox` (faster while working on a spec).
  if (process.env.SANDBOX_URL) {
    return async () => undefined;
  }
  const started = Date.now();
  const tsxCli = require.resolve('tsx/cli', { paths: [ROOT] });
  const child = spawn(
    process.execPath,
    [tsxCli, 'sandbox/server.ts', '--port', '0', '--no-source-maps', '--exit-on-stdin-end'],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    }
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The sandbox did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith(READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox exited with code ${code} before it was ready:\n${output}`));
    });
  });
  process.env.SANDBOX_URL = url;
  console.log(`Sandbox (build included) ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);

  return async () => {
    if (child.exitCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  };
}

/** @jest-environment node */
/**
 * `npm run server` (scripts/server.sh) with stand-ins for docker, npm and npx on PATH: without a
 * Docker engine it must start the sandbox with the demo credentials and say so in one line; with
 * one it builds and runs docker compose as before. The stand-ins print what they were asked to do.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoPath } from './lib/repo';

function fakeBin(scripts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-sh-'));
  for (const [name, body] of Object.entries(scripts)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
    fs.chmodSync(file, 0o755);
  }
  return dir;
}

function runServer(bin: string, args: string[] = []): string {
  return execFileSync('bash', [repoPath('scripts/server.sh'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` },
    timeout: 10_000,
  });
}

const echo = (name: string) => `echo "${name} $*"`;

describe('npm run server', () => {
  it('without a Docker engine, says so in one line and starts the configured sandbox', () => {
    const bin = fakeBin({ docker: 'exit 1', npx: echo('npx'), npm: echo('npm') });
    const lines = runServer(bin, ['--detach']).trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^Docker was not found .*the Grafana stack is not started/),
      'npx --no-install tsx sandbox/server.ts --demo',
    ]);
  });

  it('with a Docker engine, builds the plugin and runs docker compose with the given arguments', () => {
    const bin = fakeBin({ docker: echo('docker'), npx: echo('npx'), npm: echo('npm') });
    const out = runServer(bin, ['--detach']);
    expect(out).toContain('npm run build');
    expect(out).toContain('docker compose up --build --detach');
    expect(out).not.toContain('Docker was not found');
  });
});

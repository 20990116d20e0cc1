/**
 * Builds the Go backend (pkg/) into dist/ as Grafana loads it: `gpx_choreo_insights_<os>_<arch>`
 * (`.exe` on Windows) next to plugin.json, plus `go_plugin_build_manifest` (sha256 of every Go
 * source file, the SDK's format, read by Grafana's plugin validator).
 *
 *   npx tsx scripts/buildBackend.ts                      # this machine's platform (npm run build)
 *   npx tsx scripts/buildBackend.ts --all                # the five release targets (npm run package)
 *   npx tsx scripts/buildBackend.ts --target linux/arm64 # one target (npm run server: the Docker host's)
 *   ... [--dist dist]
 *
 * Plain `go build`, not the SDK's mage targets: the same flags as mage's Build:Backend (static,
 * CGO off, -s -w, -tags arrow_json_stdlib, the SDK's build info), plus -trimpath, for exactly
 * the five targets Grafana publishes, with nothing to install but Go. See docs/backend.md.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface Target {
  os: 'linux' | 'darwin' | 'windows';
  arch: 'amd64' | 'arm64';
}

/** What `npm run package` ships: Grafana's published platforms. */
export const BACKEND_TARGETS: Target[] = [
  { os: 'linux', arch: 'amd64' },
  { os: 'linux', arch: 'arm64' },
  { os: 'darwin', arch: 'amd64' },
  { os: 'darwin', arch: 'arm64' },
  { os: 'windows', arch: 'amd64' },
];

export const MANIFEST_FILE = 'go_plugin_build_manifest';

interface PluginJson {
  id: string;
  executable?: string;
}

function readPluginJson(): PluginJson {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'src/plugin.json'), 'utf8')) as PluginJson;
}

/** plugin.json's `executable`: Grafana appends `_<os>_<arch>` (and `.exe`) itself. */
export function executableName(): string {
  const exe = readPluginJson().executable;
  if (!exe) {
    throw new Error('src/plugin.json has no "executable"');
  }
  return exe;
}

export function binaryName(t: Target): string {
  return `${executableName()}_${t.os}_${t.arch}${t.os === 'windows' ? '.exe' : ''}`;
}

export function parseTarget(text: string): Target {
  const found = BACKEND_TARGETS.find((t) => `${t.os}/${t.arch}` === text);
  if (!found) {
    throw new Error(`unknown target ${text}; one of ${BACKEND_TARGETS.map((t) => `${t.os}/${t.arch}`).join(', ')}`);
  }
  return found;
}

/** This machine, as Go names it. */
export function hostTarget(): Target {
  const [os, arch] = execFileSync('go', ['env', 'GOOS', 'GOARCH'], { cwd: ROOT, encoding: 'utf8' }).trim().split(/\s+/);
  return parseTarget(`${os}/${arch}`);
}

/**
 * The `go build` invocation for one target. Build time comes from SOURCE_DATE_EPOCH when set,
 * so a release build can be reproduced byte for byte.
 */
export function goBuildCommand(
  t: Target,
  distDir: string,
  now = Date.now()
): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const time = Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : now;
  // What Grafana's SDK reports for `gpx_... -buildinfo` (build/buildinfo in the SDK).
  const info = JSON.stringify({ time, pluginID: readPluginJson().id, version: pkg.version });
  const ldflags = [
    '-s',
    '-w',
    `-X 'github.com/grafana/grafana-plugin-sdk-go/build/buildinfo.buildInfoJSON=${info}'`,
  ].join(' ');
  return {
    env: { CGO_ENABLED: '0', GOOS: t.os, GOARCH: t.arch },
    args: [
      'build',
      '-trimpath',
      '-tags',
      'arrow_json_stdlib',
      '-ldflags',
      ldflags,
      '-o',
      path.join(distDir, binaryName(t)),
      './pkg',
    ],
  };
}

/** The SDK's go_plugin_build_manifest: `<sha256>:<path>` for every .go file outside node_modules. */
export function buildManifest(root = ROOT): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (rel !== 'node_modules' && rel !== 'dist' && !entry.name.startsWith('.')) {
          walk(full);
        }
      } else if (entry.name.endsWith('.go')) {
        lines.push(`${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')}:${rel}`);
      }
    }
  };
  walk(root);
  return lines.map((l) => `${l}\n`).join('');
}

export function buildBackend(
  distDir: string,
  targets: Target[]
): Array<{ file: string; bytes: number; seconds: number }> {
  fs.mkdirSync(distDir, { recursive: true });
  const built = [];
  for (const t of targets) {
    const { env, args } = goBuildCommand(t, distDir);
    const started = Date.now();
    execFileSync('go', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    const file = path.join(distDir, binaryName(t));
    built.push({ file, bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000 });
  }
  fs.writeFileSync(path.join(distDir, MANIFEST_FILE), buildManifest());
  return built;
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const distDir = path.resolve(value('--dist') ?? path.join(ROOT, 'dist'));
  let targets: Target[];
  if (args.includes('--all')) {
    targets = BACKEND_TARGETS;
  } else if (value('--target')) {
    targets = args.flatMap((a, i) => (args[i - 1] === '--target' ? [parseTarget(a)] : []));
  } else {
    targets = [hostTarget()];
  }
  for (const b of buildBackend(distDir, targets)) {
    console.log(
      `${path.relative(process.cwd(), b.file)}: ${(b.bytes / 1e6).toFixed(1)} MB in ${b.seconds.toFixed(1)} s`
    );
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e: unknown) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

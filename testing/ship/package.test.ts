/** @jest-environment node */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

import { BACKEND_TARGETS, binaryName, goBuildCommand, hostTarget } from '../../scripts/buildBackend';
import { BACKEND_BINARIES, buildArchive, REQUIRED_ENTRIES, type ArchiveResult } from '../../scripts/package';
import { loadDashboards } from './lib/dashboards';
import { PLUGIN_ID, readJson, repoPath } from './lib/repo';

// CI runs `npm run build` before the tests; locally, build first too. `npm run build` builds the
// backend for this machine only; `npm run package` cross-compiles the other four (minutes on a
// 2-core machine), so here they are stand-in files: these specs check the archive, the real
// binary is run by the Go plugin-host test (pkg/main_test.go) and by GitHub CI's package step.
const DIST = repoPath('dist');
const HOST_BINARY = binaryName(hostTarget());
const STAND_IN = Buffer.from('stand-in for a cross-compiled backend binary\n');

function copyDistWithAllBinaries(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  for (const name of BACKEND_BINARIES) {
    if (!fs.existsSync(path.join(dir, name))) {
      fs.writeFileSync(path.join(dir, name), STAND_IN, { mode: 0o755 });
    }
  }
  return dir;
}

// Compressing a 30 MB binary takes JSZip a few seconds.
jest.setTimeout(60_000);

describe('scripts/package.ts', () => {
  let outDir: string;
  let distDir: string;
  let result: ArchiveResult;
  let zip: JSZip;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'plugin.json')) || !fs.existsSync(path.join(DIST, HOST_BINARY))) {
      throw new Error(`dist/plugin.json or dist/${HOST_BINARY} is missing: run \`npm run build\` before these tests`);
    }
    distDir = copyDistWithAllBinaries();
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-package-'));
    result = await buildArchive(distDir, outDir);
    zip = await JSZip.loadAsync(fs.readFileSync(result.zipPath));
  });

  afterAll(() => {
    for (const dir of [outDir, distDir]) {
      if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('holds the five backend binaries, executable except on Windows', () => {
    expect(BACKEND_BINARIES).toEqual([
      'gpx_choreo_insights_linux_amd64',
      'gpx_choreo_insights_linux_arm64',
      'gpx_choreo_insights_darwin_amd64',
      'gpx_choreo_insights_darwin_arm64',
      'gpx_choreo_insights_windows_amd64.exe',
    ]);
    for (const name of BACKEND_BINARIES) {
      const entry = zip.file(`${PLUGIN_ID}/${name}`);
      expect(entry).not.toBeNull();
      // JSZip reads the Unix mode from the entry's external attributes.
      const mode = (entry!.unixPermissions as number) & 0o777;
      expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: name.endsWith('.exe') ? '644' : '755' });
    }
  });

  it("packs this machine's real binary byte for byte", async () => {
    const packed = await zip.file(`${PLUGIN_ID}/${HOST_BINARY}`)!.async('nodebuffer');
    expect(packed.equals(fs.readFileSync(path.join(DIST, HOST_BINARY)))).toBe(true);
    expect(packed.length).toBeGreaterThan(1_000_000);
  });

  it('refuses a dist/ without every backend binary', async () => {
    const partial = copyDistWithAllBinaries();
    fs.rmSync(path.join(partial, 'gpx_choreo_insights_darwin_arm64'));
    await expect(buildArchive(partial, partial)).rejects.toThrow(
      /lacks gpx_choreo_insights_darwin_arm64 \(npm run package builds every backend binary\)/
    );
    fs.rmSync(partial, { recursive: true, force: true });
  });

  it('builds every target with the release flags: static, stripped, trimmed paths, the SDK build info', () => {
    for (const t of BACKEND_TARGETS) {
      const { env, args } = goBuildCommand(t, '/out', Date.UTC(2026, 0, 1));
      expect(env).toEqual({ CGO_ENABLED: '0', GOOS: t.os, GOARCH: t.arch });
      expect(args.slice(0, 5)).toEqual(['build', '-trimpath', '-tags', 'arrow_json_stdlib', '-ldflags']);
      expect(args[5]).toMatch(
        /^-s -w -X 'github.com\/grafana\/grafana-plugin-sdk-go\/build\/buildinfo.buildInfoJSON=\{"time":\d+,"pluginID":"choreo-insights-datasource","version":"[^"]+"\}'$/
      );
      expect(args.slice(6)).toEqual(['-o', path.join('/out', binaryName(t)), './pkg']);
    }
  });

  it('names the archive <plugin id>-<package.json version>.zip', () => {
    const { version } = readJson<{ version: string }>('package.json');
    expect(path.basename(result.zipPath)).toBe(`${PLUGIN_ID}-${version}.zip`);
  });

  it('holds one top folder named by the plugin id, as Grafana installs it', () => {
    const tops = new Set(Object.keys(zip.files).map((name) => name.split('/')[0]));
    expect([...tops]).toEqual([PLUGIN_ID]);
  });

  it('holds plugin.json, module.js, docs, license, logo and every dashboard', () => {
    const names = Object.keys(zip.files);
    for (const entry of REQUIRED_ENTRIES) {
      expect(names).toContain(`${PLUGIN_ID}/${entry}`);
    }
    expect(names).toContain(`${PLUGIN_ID}/img/logo.svg`);
    for (const { file } of loadDashboards()) {
      expect(names).toContain(`${PLUGIN_ID}/dashboards/${path.basename(file)}`);
    }
  });

  it('has a plugin.json with the version and build date filled in', async () => {
    const text = await zip.file(`${PLUGIN_ID}/plugin.json`)!.async('string');
    expect(text).not.toMatch(/%VERSION%|%TODAY%/);
    const json = JSON.parse(text);
    expect(json.id).toBe(PLUGIN_ID);
    expect(json.info.version).toBe(readJson<{ version: string }>('package.json').version);
    expect(json.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const include of json.includes.filter((i: { type: string }) => i.type === 'dashboard')) {
      expect(zip.file(`${PLUGIN_ID}/${include.path}`)).not.toBeNull();
    }
  });

  it('writes a sha256sum-format checksum of the archive bytes', () => {
    const digest = crypto.createHash('sha256').update(fs.readFileSync(result.zipPath)).digest('hex');
    expect(fs.readFileSync(result.sha256Path, 'utf8')).toBe(`${digest}  ${path.basename(result.zipPath)}\n`);
  });

  it('gives the same bytes for the same dist/', async () => {
    // On a copy whose host binary is a stand-in too: compressing the real 30 MB binary twice
    // would only cost CPU time, the entries' order, dates and modes are what could differ.
    const small = copyDistWithAllBinaries();
    fs.writeFileSync(path.join(small, HOST_BINARY), STAND_IN, { mode: 0o755 });
    const outs = [
      fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-package-')),
      fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-package-')),
    ];
    const [first, second] = [await buildArchive(small, outs[0]), await buildArchive(small, outs[1])];
    expect(second.sha256).toBe(first.sha256);
    for (const dir of [small, ...outs]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Two zips of dist/ (with the lazy GraphQL IDE and Prettier chunks): over 5 s when other
    // test runs share the 2-core machine.
  }, 30_000);
});

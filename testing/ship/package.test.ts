/** @jest-environment node */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

import { buildArchive, REQUIRED_ENTRIES, type ArchiveResult } from '../../scripts/package';
import { loadDashboards } from './lib/dashboards';
import { PLUGIN_ID, readJson, repoPath } from './lib/repo';

// CI runs `npm run build` before the tests; locally, build first too.
const DIST = repoPath('dist');

describe('scripts/package.ts', () => {
  let outDir: string;
  let result: ArchiveResult;
  let zip: JSZip;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'plugin.json'))) {
      throw new Error('dist/plugin.json is missing: run `npm run build` before these tests');
    }
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-package-'));
    result = await buildArchive(DIST, outDir);
    zip = await JSZip.loadAsync(fs.readFileSync(result.zipPath));
  });

  afterAll(() => {
    if (outDir) {
      fs.rmSync(outDir, { recursive: true, force: true });
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
    const again = await buildArchive(DIST, fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-package-')));
    expect(again.sha256).toBe(result.sha256);
    fs.rmSync(path.dirname(again.zipPath), { recursive: true, force: true });
    // A second full zip of dist/ (now with the lazy GraphQL IDE and Prettier chunks): over 5 s
    // when other test runs share the 2-core machine.
  }, 30_000);
});

/**
 * Packs the built plugin (dist/) as Grafana installs it: one top folder named by the plugin id,
 * then writes `<zip>.sha256` in sha256sum format. `npm run package` first builds the backend for
 * the five release targets (scripts/buildBackend.ts --all); after `npm run build`:
 *
 *   npx tsx scripts/buildBackend.ts --all && npx tsx scripts/package.ts [--dist dist] [--out .]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

import { BACKEND_TARGETS, binaryName, MANIFEST_FILE } from './buildBackend';

/** The backend executables, one per release target, named as Grafana looks for them. */
export const BACKEND_BINARIES = BACKEND_TARGETS.map(binaryName);

/** Non-Windows binaries are packed executable: Grafana runs them from the unpacked folder. */
export function isUnixBinary(entry: string): boolean {
  return BACKEND_TARGETS.some((t) => t.os !== 'windows' && entry === binaryName(t));
}

/** What the archive must hold besides the bundle's own chunks. */
export const REQUIRED_ENTRIES = [
  'plugin.json',
  'module.js',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'img/',
  MANIFEST_FILE,
  ...BACKEND_BINARIES,
];

export interface ArchiveResult {
  pluginId: string;
  version: string;
  zipPath: string;
  sha256Path: string;
  sha256: string;
  entries: string[];
}

interface BuiltPluginJson {
  id?: string;
  info?: { version?: string; updated?: string };
  includes?: Array<{ type?: string; path?: string }>;
}

function listTree(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const rel = `${prefix}${entry.name}`;
      return entry.isDirectory() ? [`${rel}/`, ...listTree(path.join(dir, entry.name), `${rel}/`)] : [rel];
    });
}

/** Refuses a dist/ Grafana would reject or that was built without the release substitutions. */
export function readBuiltPluginJson(distDir: string): Required<Pick<BuiltPluginJson, 'id'>> & BuiltPluginJson {
  const file = path.join(distDir, 'plugin.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: run \`npm run build\` first`);
  }
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes('%VERSION%') || text.includes('%TODAY%')) {
    throw new Error(`${file} still holds %VERSION%/%TODAY%: build with \`npm run build\` (production)`);
  }
  const json = JSON.parse(text) as BuiltPluginJson;
  if (!json.id || !json.info?.version) {
    throw new Error(`${file} has no id or info.version`);
  }
  return { ...json, id: json.id };
}

/**
 * Entry dates are fixed (SOURCE_DATE_EPOCH, else the plugin's build date) so the same dist/
 * always gives the same bytes and so the same checksum.
 */
function entryDate(pluginJson: BuiltPluginJson): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) {
    return new Date(epoch * 1000);
  }
  const updated = Date.parse(pluginJson.info?.updated ?? '');
  return new Date(Number.isFinite(updated) ? updated : Date.UTC(2020, 0, 1));
}

export async function buildArchive(distDir: string, outDir: string): Promise<ArchiveResult> {
  const pluginJson = readBuiltPluginJson(distDir);
  const entries = listTree(distDir);
  const missing = REQUIRED_ENTRIES.filter((e) => !entries.includes(e));
  for (const include of pluginJson.includes ?? []) {
    if (include.type === 'dashboard' && include.path && !entries.includes(include.path)) {
      missing.push(include.path);
    }
  }
  if (missing.length > 0) {
    const backend = missing.some((m) => BACKEND_BINARIES.includes(m))
      ? ' (npm run package builds every backend binary)'
      : '';
    throw new Error(`${distDir} lacks ${missing.join(', ')}${backend}`);
  }

  const zip = new JSZip();
  const date = entryDate(pluginJson);
  const root = pluginJson.id;
  zip.file(`${root}/`, null, { dir: true, date, unixPermissions: 0o40755 });
  for (const entry of entries) {
    const name = `${root}/${entry}`;
    if (entry.endsWith('/')) {
      zip.file(name, null, { dir: true, date, unixPermissions: 0o40755 });
    } else {
      const binary = BACKEND_BINARIES.includes(entry);
      zip.file(name, fs.readFileSync(path.join(distDir, entry)), {
        date,
        unixPermissions: isUnixBinary(entry) ? 0o100755 : 0o100644,
        // Level 9 takes JSZip ~11 s per 30 MB binary for 0.7 % less than level 6 (~3 s).
        ...(binary ? { compression: 'DEFLATE' as const, compressionOptions: { level: 6 } } : {}),
      });
    }
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    platform: 'UNIX',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });

  const version = pluginJson.info?.version ?? '';
  const zipName = `${root}-${version}.zip`;
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, zipName);
  fs.writeFileSync(zipPath, bytes);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const sha256Path = `${zipPath}.sha256`;
  // sha256sum's text format: `sha256sum -c` in the output folder verifies it.
  fs.writeFileSync(sha256Path, `${sha256}  ${zipName}\n`);
  return { pluginId: root, version, zipPath, sha256Path, sha256, entries: entries.map((e) => `${root}/${e}`) };
}

function argValue(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  buildArchive(path.resolve(argValue(args, '--dist', 'dist')), path.resolve(argValue(args, '--out', '.'))).then(
    (result) => {
      console.log(`${path.relative(process.cwd(), result.zipPath)} (${result.entries.length} entries)`);
      console.log(`${result.sha256}  ${path.basename(result.zipPath)}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  );
}

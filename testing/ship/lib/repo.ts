import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** Repository root; every path in the static checks is relative to it. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export const PLUGIN_ID = 'choreo-insights-datasource';

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}

export function readText(relPath: string): string {
  return fs.readFileSync(repoPath(relPath), 'utf8');
}

export function readJson<T = unknown>(relPath: string): T {
  return JSON.parse(readText(relPath)) as T;
}

/** Parses YAML strictly: duplicate keys and syntax errors throw instead of being ignored. */
export function readYaml<T = unknown>(relPath: string): T {
  const doc = YAML.parseDocument(readText(relPath), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new Error(`${relPath}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return doc.toJS() as T;
}

export function listFiles(relDir: string, pattern: RegExp): string[] {
  const dir = repoPath(relDir);
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => path.posix.join(relDir, f));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

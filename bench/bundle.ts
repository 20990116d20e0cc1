/** Size of dist/module.js and which heavy parts live in lazily loaded chunks. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleReport {
  moduleRawKB: number;
  moduleGzipKB: number;
  chunks: Array<{ file: string; rawKB: number; gzipKB: number; has: string[] }>;
  /** Heavy part → where it lives: "module.js", a chunk, or "external/absent". */
  heavy: Record<string, string>;
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** Markers of code that must not be in module.js (strings that survive minification). */
const MARKERS: Record<string, RegExp> = {
  'graphql-js parser/printer': /Syntax Error: Unexpected|Unexpected character: /,
  'graphql-js validation': /Variable "\$.*" is never used|Fields ".*" conflict because/,
  'graphql-js schema builder': /buildClientSchema|Invalid or incomplete introspection result/,
  'Monaco / CodeEditor': /monaco|MonacoEditor|editor\.IStandaloneCodeEditor/,
  'bundled schema text': /getAPIUsageOverTime\(timeFilter: TimeFilter!/,
  'GraphQL language service': /GraphQL: Validation|GraphQL: Syntax/,
  'Prettier (GraphQL printer)': /was not printed\. Please report this error/,
};

export function bundleReport(dist: string): BundleReport | { error: string } {
  const modulePath = path.join(dist, 'module.js');
  if (!fs.existsSync(modulePath)) {
    return { error: `${modulePath} not found: run npm run build first` };
  }
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  const chunks = files.map((file) => {
    const buf = fs.readFileSync(path.join(dist, file));
    const text = buf.toString('utf8');
    return {
      file,
      rawKB: kb(buf.length),
      gzipKB: kb(zlib.gzipSync(buf, { level: 9 }).length),
      has: Object.entries(MARKERS)
        .filter(([, re]) => re.test(text))
        .map(([name]) => name),
    };
  });
  const main = chunks.find((c) => c.file === 'module.js')!;
  const heavy: Record<string, string> = {};
  for (const name of Object.keys(MARKERS)) {
    const where = chunks.filter((c) => c.has.includes(name)).map((c) => c.file);
    heavy[name] = where.length ? where.join(', ') : 'external/absent';
  }
  return { moduleRawKB: main.rawKB, moduleGzipKB: main.gzipKB, chunks, heavy };
}

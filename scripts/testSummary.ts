/**
 * Prints one closing line for CI, "N passed, N failed", from the result files jest, go test
 * (scripts/goTest.ts) and Playwright wrote during `npm test` (test-artifacts/). Exits 1 if a
 * result file is missing.
 */
import fs from 'node:fs';
import path from 'node:path';

import { countGoTests, readGoResults } from './goTest';

const dir = path.resolve(__dirname, '../test-artifacts');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightResults {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function existing(file: string): string {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    console.error(`missing ${full}: did npm test run completely?`);
    process.exit(1);
  }
  return full;
}

function read<T>(file: string): T {
  return JSON.parse(fs.readFileSync(existing(file), 'utf8')) as T;
}

const jest = read<JestResults>('jest-results.json');
const browser = read<PlaywrightResults>('browser-results.json');
// go test -json writes one JSON event a line.
const go = countGoTests(readGoResults(existing('go-test.json')));
const passed = jest.numPassedTests + go.passed + browser.stats.expected + browser.stats.flaky;
const failed = jest.numFailedTests + go.failed + browser.stats.unexpected;
const skipped = jest.numPendingTests + go.skipped + browser.stats.skipped;
console.log(`jest: ${jest.numPassedTests} passed; go: ${go.passed} passed; browser: ${browser.stats.expected} passed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

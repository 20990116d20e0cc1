/**
 * Prints one closing line for CI, "N passed, N failed", from the result files jest and
 * Playwright wrote during `npm test` (test-artifacts/). Exits 1 if a result file is missing.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../test-artifacts');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightResults {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function read<T>(file: string): T {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    console.error(`missing ${full}: did npm test run completely?`);
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as T;
}

const jest = read<JestResults>('jest-results.json');
const browser = read<PlaywrightResults>('browser-results.json');
const passed = jest.numPassedTests + browser.stats.expected + browser.stats.flaky;
const failed = jest.numFailedTests + browser.stats.unexpected;
const skipped = jest.numPendingTests + browser.stats.skipped;
console.log(`jest: ${jest.numPassedTests} passed; browser: ${browser.stats.expected} passed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

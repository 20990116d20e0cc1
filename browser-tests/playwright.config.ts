import { defineConfig } from '@playwright/test';

// The specs read labels and texts from the catalog (src/components/selectors.ts), which imports
// its GraphQL documents as text, as webpack and jest do.
import '../testing/node/registerGraphqlFiles';

// The suite drives Debian's chromium (apt-get install chromium): nothing is downloaded at run
// time, and `npx playwright install` is never needed.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // One sandbox (one data source) is shared by all specs: they save settings, so they run in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  // Bounds the whole run, the sandbox build included (cold build ~30 s on a busy machine); the
  // suite itself takes ~2.5 min on the 2-core machine.
  globalTimeout: 300_000,
  globalSetup: require.resolve('./globalSetup'),
  reporter: [
    ['list'],
    // Read by .ci/run for its closing "N passed, N failed" line: written on every run, so the
    // line does not depend on the CI variable being set.
    ['json', { outputFile: '../test-artifacts/browser-results.json' }],
    ...(process.env.CI ? [['html', { open: 'never', outputFolder: '../test-artifacts/browser-report' }] as const] : []),
  ],
  outputDir: '../test-artifacts/browser-results',
  use: {
    viewport: { width: 1280, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // Tracing stores every resource and DOM snapshot: with the ~20 MB dev bundle it slows the
    // page enough that Monaco never finishes loading. Debug a failure with `--trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

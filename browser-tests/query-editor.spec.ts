import { expect, test, type Page } from '@playwright/test';

import { ENV_IDS } from '../emulator/demo';
import { QueryType } from '../src/types';
import {
  choose,
  chooseQueryType,
  columnValues,
  frame,
  openQueryTab,
  REF_ID,
  runCount,
  S,
  waitForRun,
} from './queryPage';
import { getStats, openSandbox, saveDemoSettings, SandboxIds, SandboxLabels, screenshot } from './sandbox';

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

test('a new panel shows the request summary as a time series and a table (dark theme)', async ({ page }) => {
  await openQueryTab(page, () => openSandbox(page, 'query'));
  const before = await runCount(page);
  await page.getByRole('radio', { name: SandboxLabels.ranges.last7d }).check();
  await waitForRun(page, before);
  await expect(page.getByTestId(SandboxIds.timeSeries).locator('canvas').first()).toBeVisible();
  expect(Number((await columnValues(frame(page), 'Success'))[0])).toBeGreaterThanOrEqual(0);
  await screenshot(page, 'query-editor');
});

test('the time series in the light theme', async ({ page }) => {
  await openQueryTab(page, () => openSandbox(page, 'query', 'light'));
  const before = await runCount(page);
  await chooseQueryType(page, QueryType.ApiUsage);
  await waitForRun(page, before);
  await expect(page.getByTestId(SandboxIds.timeSeries).locator('canvas').first()).toBeVisible();
  await page.getByTestId(SandboxIds.timeSeries).screenshot({ path: 'docs/screenshots/time-series-light.png' });
  await screenshot(page, 'query-editor-light');
});

async function androidHits(page: Page): Promise<number> {
  const platforms = await columnValues(frame(page), 'Platform');
  const hits = await columnValues(frame(page), 'Hits');
  const i = platforms.indexOf('Android');
  expect(i, 'Android among the top platforms').toBeGreaterThanOrEqual(0);
  return parseDisplayed(hits[i]);
}

/** A number as Grafana displays it: "508", "13.2 K", "1.05 Mil". */
function parseDisplayed(text: string): number {
  const m = /^([\d.,]+)\s*(K|Mil|M|B|Bil)?$/.exec(text.trim());
  if (!m) {
    throw new Error(`"${text}" is not a displayed number`);
  }
  const scale: Record<string, number> = { K: 1e3, M: 1e6, Mil: 1e6, B: 1e9, Bil: 1e9 };
  return Number(m[1].replace(/,/g, '')) * (scale[m[2] ?? ''] ?? 1);
}

test('switching the environment changes the data', async ({ page, request }) => {
  await openQueryTab(page, () => openSandbox(page, 'query'));
  let before = await runCount(page);
  await chooseQueryType(page, QueryType.TopPlatforms);
  await waitForRun(page, before);

  before = await runCount(page);
  await choose(page, S.Scope.Environment.id(REF_ID), ENV_IDS.development, 'Development');
  await waitForRun(page, before);
  const development = await androidHits(page);

  const graphqlBefore = (await getStats(request)).emulator.graphqlRequests;
  before = await runCount(page);
  await choose(page, S.Scope.Environment.id(REF_ID), ENV_IDS.production, 'Production');
  await waitForRun(page, before);
  const production = await androidHits(page);

  // Production carries ~30x Development's traffic in the emulator's demo data.
  expect(production).toBeGreaterThan(development * 5);
  expect((await getStats(request)).emulator.graphqlRequests).toBeGreaterThan(graphqlBefore);
});

test('invalid GraphQL is shown inline and never sent', async ({ page, request }) => {
  test.setTimeout(75_000);
  await openQueryTab(page, () => openSandbox(page, 'query'));
  const before = await runCount(page);
  await chooseQueryType(page, QueryType.GraphQL);
  await waitForRun(page, before);
  const editor = page.locator('.monaco-editor').first();
  // Monaco is a lazily loaded ~9 MB chunk (unminified dev build).
  await expect(editor).toBeVisible({ timeout: 30_000 });
  // The editor introspects the schema once when it opens; count requests after that settles.
  await expect
    .poll(async () => (await getStats(request)).proxy.proxiedRequests, { timeout: 10_000, intervals: [500, 500, 1000] })
    .toBe((await getStats(request)).proxy.proxiedRequests);
  const sent = await getStats(request);

  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  // insertText: no Monaco auto-closing of braces, so the document is exactly this.
  await page.keyboard.insertText('query { notAField { id } }');
  await expect(page.getByText('The GraphQL query is invalid and will not be sent')).toBeVisible();
  await expect(page.getByText('Cannot query field "notAField" on type "Query"')).toBeVisible();

  // Leaving the editor (which runs a valid query) and the panel's Run query both send nothing.
  await page.getByText('GraphQL query', { exact: true }).click();
  const runs = await runCount(page);
  await page.getByTestId(SandboxIds.runQuery).click();
  await waitForRun(page, runs);
  await screenshot(page, 'query-editor-graphql-invalid');
  const after = await getStats(request);
  expect(after.proxy.proxiedRequests).toBe(sent.proxy.proxiedRequests);
  expect(after.emulator.graphqlRequests).toBe(sent.emulator.graphqlRequests);
});

/**
 * The GraphQL editor as an IDE: completion from the schema (Ctrl+Space), hover documentation,
 * and the document it starts from. Monaco runs for real in Chromium, with the plugin's
 * graphql-language-service providers registered on it.
 */
import { expect, test, type Page } from '@playwright/test';

import { QueryType } from '../src/types';
import { catalogDocument, expectShown, MONACO_TIMEOUT_MS, queryEditor } from './monaco';
import { chooseQueryType, openQueryTab, runCount, waitForRun } from './queryPage';
import { openSandbox, saveDemoSettings, screenshot } from './sandbox';

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

/** A new panel (the request summary), optionally switched to `from` first, then to GraphQL. */
async function openGraphQLEditor(page: Page, from?: QueryType) {
  await openQueryTab(page, () => openSandbox(page, 'query'));
  if (from) {
    const runs = await runCount(page);
    await chooseQueryType(page, from);
    await waitForRun(page, runs);
  }
  const before = await runCount(page);
  await chooseQueryType(page, QueryType.GraphQL);
  await waitForRun(page, before);
  const editor = queryEditor(page);
  await expect(editor).toBeVisible({ timeout: MONACO_TIMEOUT_MS });
  return editor;
}

test('switching a builder query to GraphQL starts from its document; Ctrl+Space completes fields', async ({ page }) => {
  test.setTimeout(75_000);
  const editor = await openGraphQLEditor(page);
  // The document the request summary sends, not an empty editor (it has already run: waitForRun above).
  await expectShown(editor, catalogDocument(QueryType.RequestSummary));

  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ getAPI');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.monaco-editor .suggest-widget');
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole('option', { name: /getAPIUsageOverTime/ })).toBeVisible();
  // Only fields of Query that match what was typed, with their type.
  await expect(suggestions).toContainText('getAPIUsageByAppOverTime');
  await expect(suggestions).not.toContainText('listOrganizations');
  await expect(suggestions).toContainText('[APIUsageOverTime]');
  await screenshot(page, 'graphql-ide-completion');

  // Accepting the first suggestion completes the word.
  await page.keyboard.press('Enter');
  await expect(suggestions).toBeHidden();
  await expect(editor).toContainText('{ getAPIUsageOverTime');
});

test('hovering a field shows its description from the schema', async ({ page }) => {
  test.setTimeout(75_000);
  const editor = await openGraphQLEditor(page, QueryType.ApiUsage);
  await expectShown(editor, catalogDocument(QueryType.ApiUsage));
  await editor.getByText('getAPIUsageOverTime', { exact: true }).first().hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Query.getAPIUsageOverTime' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('Returns a list of details related to the usage of each API over time');
});

/**
 * The query help (Grafana's "Show data source help" on a query row, and Explore's "?"): one
 * example per console page and a few GraphQL documents; an example replaces the query, in
 * builder and GraphQL mode alike.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

import { common, entries } from '../src/catalog/catalog';
import { catalogDocument, expectShown, queryEditor } from './monaco';
import { comboboxInput, frame, openQueryTab, REF_ID, runCount, S, waitForRun } from './queryPage';
import { openSandbox, saveDemoSettings, SandboxIds, SandboxLabels } from './sandbox';

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openHelp(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: SandboxLabels.showHelp }).click();
  const help = page.getByTestId(S.Help);
  await expect(help).toBeVisible();
  return help;
}

/** Clicks an example; the help closes and the query is replaced (not run: the user runs it). */
async function clickExample(page: Page, help: Locator, example: Locator): Promise<string> {
  const name = (await example.textContent())?.trim() ?? '';
  await example.click();
  await expect(help).toBeHidden();
  return name;
}

async function runAndExpectData(page: Page): Promise<void> {
  const before = await runCount(page);
  await page.getByTestId(SandboxIds.runQuery).click();
  await waitForRun(page, before);
  await expect(page.getByTestId(SandboxIds.queryError)).toHaveCount(0);
  await expect(frame(page).getByRole('row').nth(1)).toBeVisible();
}

test('the query help lists an example per console page and GraphQL documents; an example replaces the query', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openQueryTab(page, () => openSandbox(page, 'query'));
  let help = await openHelp(page);
  await expect(help).toContainText('Choreo Insights examples');

  // One builder example per console page, labelled with one of that page's query types.
  const builderPages = common.pages.filter((p) => entries().some((e) => e.page === p && !e.raw));
  expect(builderPages.length).toBeGreaterThanOrEqual(6);
  for (const consolePage of builderPages) {
    const labels = entries()
      .filter((e) => e.page === consolePage && !e.raw)
      .map((e) => escape(e.label));
    await expect(
      help.getByRole('button', { name: new RegExp(`^${escape(consolePage)}: (${labels.join('|')})$`) }),
      consolePage
    ).toHaveCount(1);
  }
  const graphqlExamples = help.getByRole('button', { name: /^GraphQL: .+ as GraphQL$/ });
  expect(await graphqlExamples.count()).toBeGreaterThanOrEqual(2);

  // A builder example: the type select shows its type, and it runs.
  const traffic = await clickExample(page, help, help.getByRole('button', { name: /^Traffic: / }));
  await expect(comboboxInput(page, S.QueryType.id(REF_ID))).toHaveValue(traffic.replace(/^Traffic: /, ''));
  await runAndExpectData(page);

  // A GraphQL example: its catalog document in the editor, and it runs.
  const typeOf = (name: string) => {
    const label = /^GraphQL: (.+) as GraphQL$/.exec(name)?.[1];
    const entry = entries().find((e) => e.label === label);
    expect(entry, `the query type of "${name}"`).toBeDefined();
    return entry!.type;
  };
  help = await openHelp(page);
  const first = await clickExample(page, help, graphqlExamples.nth(0));
  await expect(comboboxInput(page, S.QueryType.id(REF_ID))).toHaveValue('GraphQL');
  await expectShown(queryEditor(page), catalogDocument(typeOf(first)));
  await runAndExpectData(page);

  // Another one while in GraphQL mode replaces the document the editor shows.
  help = await openHelp(page);
  const second = await clickExample(page, help, graphqlExamples.nth(1));
  expect(typeOf(second)).not.toBe(typeOf(first));
  await expectShown(queryEditor(page), catalogDocument(typeOf(second)));
  await runAndExpectData(page);
});

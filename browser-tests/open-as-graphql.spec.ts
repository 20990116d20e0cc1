/**
 * "Open as GraphQL" on a builder query: the query becomes a GraphQL query with the catalog's
 * document and the builder's scope written into the variables, and it shows what the builder
 * query showed.
 */
import { expect, test, type Page } from '@playwright/test';

import { APIS, ENV_IDS } from '../emulator/demo';
import { entryFor } from '../src/catalog/catalog';
import { QueryType } from '../src/types';
import { catalogDocument, expectShown, MONACO_TIMEOUT_MS, queryEditor, shownVariables } from './monaco';
import {
  choose,
  chooseQueryType,
  comboboxInput,
  columns,
  columnValues,
  frame,
  openQueryTab,
  REF_ID,
  runCount,
  S,
  waitForRun,
} from './queryPage';
import { openSandbox, saveDemoSettings, SandboxIds } from './sandbox';

const apiName = (i: number) => `${APIS[i].name} ${APIS[i].version}`;

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

/** The first rows of the results table, by column header. */
async function rows(page: Page): Promise<Record<string, string[]>> {
  const table = frame(page);
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const out: Record<string, string[]> = {};
  for (const header of await columns(table)) {
    out[header] = await columnValues(table, header);
  }
  return out;
}

test('Open as GraphQL on API usage: the catalog document, the scope as variables, the same series', async ({
  page,
}) => {
  test.setTimeout(75_000);
  await openQueryTab(page, () => openSandbox(page, 'query'));
  let before = await runCount(page);
  await chooseQueryType(page, QueryType.ApiUsage);
  await waitForRun(page, before);
  before = await runCount(page);
  await choose(page, S.Scope.Environment.id(REF_ID), ENV_IDS.production, 'Production');
  await waitForRun(page, before);
  // Two APIs of the multi-select, in this order.
  for (const i of [2, 0]) {
    before = await runCount(page);
    await choose(page, S.Scope.Apis.id(REF_ID), APIS[i].id, APIS[i].name);
    await waitForRun(page, before);
    await page.keyboard.press('Escape');
  }
  await expect(page.getByTestId(SandboxIds.queryError)).toHaveCount(0);
  const builder = await rows(page);
  expect(Object.keys(builder)).toEqual(['Time', apiName(0), apiName(2)]);

  before = await runCount(page);
  await page.getByTestId(S.OpenAsGraphQL).click();
  await waitForRun(page, before);

  await expect(comboboxInput(page, S.QueryType.id(REF_ID))).toHaveValue(entryFor(QueryType.GraphQL)!.label);
  await expect(comboboxInput(page, S.Scope.Environment.id(REF_ID))).toHaveValue('Production');
  await expect(queryEditor(page)).toBeVisible({ timeout: MONACO_TIMEOUT_MS });
  await expectShown(queryEditor(page), catalogDocument(QueryType.ApiUsage));
  // The builder's scope as the API usage filter takes it; time and granularity stay macros, so
  // the time picker still drives the query.
  await expect
    .poll(() => shownVariables(page).catch(() => undefined))
    .toEqual({
      timeFilter: { from: '$__from', to: '$__to' },
      filter: { apiIds: [APIS[2].id, APIS[0].id], granularity: '$__granularity' },
    });
  await expect(
    page.getByText(`Frames as the ${entryFor(QueryType.ApiUsage)!.label} query type makes them`)
  ).toBeVisible();

  await expectSameSeries(page, builder);
});

test('with no environment chosen nor set as default, the opened query shows the same APIs as the builder', async ({
  page,
}) => {
  test.setTimeout(75_000);
  await openQueryTab(page, () => openSandbox(page, 'query'));
  const before = await runCount(page);
  await chooseQueryType(page, QueryType.ApiUsage);
  await waitForRun(page, before);
  const fallback = page.getByText(/showing "Development", the organization's first/);
  await expect(fallback).toBeVisible();
  const builder = await rows(page);
  expect(Object.keys(builder)).toEqual(expect.arrayContaining(['Time', apiName(0), apiName(2)]));

  const runs = await runCount(page);
  await page.getByTestId(S.OpenAsGraphQL).click();
  await waitForRun(page, runs);
  await expect(queryEditor(page)).toBeVisible({ timeout: MONACO_TIMEOUT_MS });
  // The builder's environment (with its notice), not the whole organization under API ids.
  await expect(fallback).toBeVisible();
  await expectSameSeries(page, builder);
});

/** The results show the builder's series (same names) with the same counts per bucket. */
async function expectSameSeries(page: Page, builder: Record<string, string[]>): Promise<void> {
  await expect(page.getByTestId(SandboxIds.queryError)).toHaveCount(0);
  await expect(page.getByTestId(SandboxIds.timeSeries)).toBeVisible();
  const graphql = await rows(page);
  expect(Object.keys(graphql)).toEqual(Object.keys(builder));
  // The range moved by a few seconds between the runs: compare the buckets both show in full.
  const shared = builder.Time.slice(1).filter((t) => graphql.Time.includes(t));
  expect(shared.length).toBeGreaterThan(3);
  const series = Object.keys(builder).filter((k) => k !== 'Time');
  for (const t of shared) {
    const [b, g] = [builder.Time.indexOf(t), graphql.Time.indexOf(t)];
    expect(
      series.map((name) => graphql[name][g]),
      t
    ).toEqual(series.map((name) => builder[name][b]));
  }
}

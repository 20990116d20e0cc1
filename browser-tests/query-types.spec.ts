import { expect, test } from '@playwright/test';

import { APIS, APPLICATIONS, ENV_IDS } from '../emulator/demo';
import { entryFor } from '../src/catalog/catalog';
import { QueryType } from '../src/types';
import {
  chooseQueryType,
  choose,
  columns,
  columnValues,
  frame,
  openQueryTab,
  runCount,
  S,
  REF_ID,
  waitForRun,
} from './queryPage';
import { openSandbox, saveDemoSettings, SandboxIds, screenshot } from './sandbox';

const apiName = (i: number) => `${APIS[i].name} ${APIS[i].version}`;

interface Expectation {
  columns: string[];
  /** Values that must appear in a column's first rows. */
  values?: Record<string, string[]>;
  timeSeries: boolean;
}

// What each console view shows for the emulator's demo organisation (emulator/demo.ts).
const EXPECTED: Record<Exclude<QueryType, QueryType.GraphQL | QueryType.ApiLatency>, Expectation> = {
  [QueryType.OverviewKpi]: { columns: ['Total Traffic'], timeSeries: false },
  [QueryType.RequestSummary]: { columns: ['Time', 'Success', 'Errors', 'Latency (p95)'], timeSeries: true },
  [QueryType.ApiUsage]: { columns: ['Time', apiName(0), apiName(2), apiName(4)], timeSeries: true },
  [QueryType.UsageByApplication]: { columns: ['Time', APPLICATIONS[0].name, APPLICATIONS[1].name], timeSeries: true },
  [QueryType.UsageByBackend]: { columns: ['Time', APIS[0].backend, APIS[2].backend], timeSeries: true },
  [QueryType.ResourceUsage]: {
    columns: ['API', 'Resource', 'Method', 'Hits'],
    values: { Method: ['GET'] },
    timeSeries: false,
  },
  [QueryType.ErrorsByCategory]: {
    columns: ['Time', 'Authentication', 'Target Connectivity', 'Throttling', 'Other'],
    timeSeries: true,
  },
  [QueryType.ErrorsByStatusClass]: {
    columns: ['Time', 'Proxy 4xx', 'Proxy 5xx', 'Target 4xx', 'Target 5xx'],
    timeSeries: true,
  },
  [QueryType.ErrorsByStatusCode]: { columns: ['API', '404', '500'], values: { API: [apiName(0)] }, timeSeries: false },
  [QueryType.ErrorDetails]: { columns: ['Time', 'API', 'Application', 'Reason', 'Count'], timeSeries: true },
  [QueryType.TopSlowestApis]: {
    columns: ['API', '95th Percentile Latency'],
    values: { API: [apiName(5)] },
    timeSeries: false,
  },
  [QueryType.Cache]: { columns: ['Time', 'Hits', 'Misses', 'Hit %'], timeSeries: true },
  [QueryType.TopPlatforms]: {
    columns: ['Platform', 'Hits'],
    values: { Platform: ['Android', 'Windows'] },
    timeSeries: false,
  },
  [QueryType.TopUserAgents]: {
    columns: ['User agent', 'Hits'],
    values: { 'User agent': ['Chrome'] },
    timeSeries: false,
  },
  [QueryType.AlertSummary]: {
    columns: ['Time', 'API', 'Category', 'Metric', 'Severity', 'Message'],
    timeSeries: false,
  },
  [QueryType.TopApisByAlertCount]: { columns: ['API', 'Alerts'], timeSeries: false },
  [QueryType.CustomReport]: { columns: ['Time', APIS[0].name, APIS[2].name], timeSeries: true },
  [QueryType.List]: { columns: ['Name', 'Version', 'Provider', 'ID'], values: { ID: [APIS[0].id] }, timeSeries: false },
};

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

test('every builder query type shows its columns and data', async ({ page }) => {
  // One page for all types, like a user switching the type select: ~1-2 s per type.
  test.setTimeout(120_000);
  await openQueryTab(page, () => openSandbox(page, 'query'));
  for (const [type, expected] of Object.entries(EXPECTED) as Array<[QueryType, Expectation]>) {
    await test.step(type, async () => {
      const before = await runCount(page);
      await chooseQueryType(page, type);
      await waitForRun(page, before);
      await expect(page.getByTestId(SandboxIds.queryError)).toHaveCount(0);
      const table = frame(page);
      await expect(table.getByRole('columnheader').first()).toBeVisible();
      expect(await columns(table)).toEqual(expect.arrayContaining(expected.columns));
      for (const [header, values] of Object.entries(expected.values ?? {})) {
        expect(await columnValues(table, header)).toEqual(expect.arrayContaining(values));
      }
      await expect(page.getByTestId(SandboxIds.timeSeries)).toHaveCount(expected.timeSeries ? 1 : 0);
    });
  }
});

test('API latency needs an API, then shows total, backend and mediation latency', async ({ page }) => {
  await openQueryTab(page, () => openSandbox(page, 'query'));
  let before = await runCount(page);
  await chooseQueryType(page, QueryType.ApiLatency);
  // No API yet: the editor names the problem and does not run the query.
  await expect(page.getByTestId(S.container)).toContainText(entryFor('apiLatency')?.messages?.apiRequired ?? 'missing');
  expect(await runCount(page)).toBe(before);
  // The API list is per environment.
  await choose(page, S.Scope.Environment.id(REF_ID), ENV_IDS.production, 'Production');
  before = await runCount(page);
  await choose(page, S.Scope.Api.id(REF_ID), APIS[0].id, apiName(0));
  await waitForRun(page, before);
  await expect(page.getByTestId(SandboxIds.queryError)).toHaveCount(0);
  expect(await columns(frame(page))).toEqual(
    expect.arrayContaining(['Time', 'Total p95', 'Total median', 'Backend p95', 'Request mediation p95'])
  );
  await expect(page.getByTestId(SandboxIds.timeSeries)).toBeVisible();
  await screenshot(page, 'query-editor-api-latency');
});

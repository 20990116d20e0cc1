import { expect, test } from '@playwright/test';

import { ENVIRONMENTS } from '../emulator/demo';
import { columns, columnValues, frame } from './queryPage';
import { openSandbox, saveDemoSettings, SandboxIds } from './sandbox';

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

test('the variable query editor lists environments as text/value pairs', async ({ page }) => {
  await openSandbox(page, 'variables');
  await page.getByTestId(SandboxIds.runQuery).click();
  const table = frame(page);
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  expect(await columns(table)).toEqual(['text', 'value']);
  expect(await columnValues(table, 'text')).toEqual(expect.arrayContaining(ENVIRONMENTS.map((e) => e.name)));
  expect(await columnValues(table, 'value')).toEqual(expect.arrayContaining(ENVIRONMENTS.map((e) => e.id)));
});

test('the annotation editor returns Choreo alerts as events', async ({ page }) => {
  await openSandbox(page, 'annotations');
  await page.getByTestId(SandboxIds.runQuery).click();
  const table = frame(page);
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  // The annotation runs as an alert summary target: the catalog's columns.
  expect(await columns(table)).toEqual(['Time', 'API', 'API ID', 'Category', 'Metric', 'Severity', 'Message']);
  await expect(table).toContainText('exceeded the threshold');
});

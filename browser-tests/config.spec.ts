import { expect, test, type Page } from '@playwright/test';

import { SETTING_LABELS } from '../src/settings/validateSettings';
import { clearSettings, getInfo, getStats, openSandbox, SandboxIds, SandboxLabels, screenshot } from './sandbox';

test.beforeEach(async ({ request }) => {
  await clearSettings(request);
});

async function fillSettings(page: Page, values: Partial<Record<keyof typeof SETTING_LABELS, string>>) {
  for (const [key, value] of Object.entries(values) as Array<[keyof typeof SETTING_LABELS, string]>) {
    await page.getByLabel(SETTING_LABELS[key], { exact: true }).fill(value);
  }
}

async function openAdvanced(page: Page) {
  const tokenUrl = page.getByLabel(SETTING_LABELS.tokenUrl, { exact: true });
  if (!(await tokenUrl.isVisible())) {
    // ConfigSection's collapse toggle (@grafana/plugin-ui).
    await page.getByRole('button', { name: 'Expand section Advanced' }).click();
  }
  await expect(tokenUrl).toBeVisible();
}

test('the config page saves the demo credentials and Save & test connects', async ({ page, request }) => {
  const info = await getInfo(request);
  await openSandbox(page, 'settings');
  await fillSettings(page, {
    consumerKey: info.demo.consumerKey,
    consumerSecret: info.demo.consumerSecret,
    orgHandle: info.demo.orgHandle,
    orgUuid: info.demo.orgUuid,
  });
  await openAdvanced(page);
  await fillSettings(page, { tokenUrl: info.emulator.tokenUrl, apiUrl: info.emulator.apiUrl });

  const before = await getStats(request);
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();

  const result = page.getByTestId(SandboxIds.testResult);
  await expect(result).toContainText(`Connected to organization ${info.demo.orgUuid}`);
  await expect(result).toContainText('Development, Staging, Production');
  // The secret left the browser: the field now says "configured" and the token was fetched
  // by the proxy, not the page.
  await expect(page.getByLabel(SETTING_LABELS.consumerSecret, { exact: true })).toHaveValue('configured');
  const after = await getStats(request);
  expect(after.emulator.tokenRequests).toBeGreaterThan(before.emulator.tokenRequests);
  expect(after.proxy.unmatchedRequests).toBe(before.proxy.unmatchedRequests);
  await screenshot(page, 'config-page');
});

test('a wrong consumer secret gives the authentication error', async ({ page, request }) => {
  const info = await getInfo(request);
  await openSandbox(page, 'settings');
  await fillSettings(page, {
    consumerKey: info.demo.consumerKey,
    consumerSecret: 'not-the-secret',
    orgHandle: info.demo.orgHandle,
    orgUuid: info.demo.orgUuid,
  });
  await openAdvanced(page);
  await fillSettings(page, { tokenUrl: info.emulator.tokenUrl, apiUrl: info.emulator.apiUrl });
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();

  const result = page.getByTestId(SandboxIds.testResult);
  await expect(result).toContainText('Choreo rejected the credentials');
  await expect(result).toContainText('Authentication to data source failed');
  await screenshot(page, 'config-page-auth-error');
});

test('invalid settings are named under their fields before anything is sent', async ({ page, request }) => {
  await openSandbox(page, 'settings');
  await fillSettings(page, { orgUuid: 'demo-org' });
  await page.getByLabel(SETTING_LABELS.orgUuid, { exact: true }).blur();
  await expect(page.getByText(`${SETTING_LABELS.orgUuid} must be a UUID`)).toBeVisible();

  const before = await getStats(request);
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();
  await expect(page.getByTestId(SandboxIds.testResult)).toContainText(`${SETTING_LABELS.consumerKey} is required.`);
  const after = await getStats(request);
  expect(after.emulator.graphqlRequests).toBe(before.emulator.graphqlRequests);
});

test('the config page in the light theme', async ({ page, request }) => {
  const info = await getInfo(request);
  await openSandbox(page, 'settings', 'light');
  await page.getByRole('button', { name: SandboxLabels.fillDemo }).click();
  await openAdvanced(page);
  await expect(page.getByLabel(SETTING_LABELS.apiUrl, { exact: true })).toHaveValue(info.emulator.apiUrl);
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();
  await expect(page.getByTestId(SandboxIds.testResult)).toContainText('Connected to organization');
  await screenshot(page, 'config-page-light');
});

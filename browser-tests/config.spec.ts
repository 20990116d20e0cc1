import { expect, test, type Page } from '@playwright/test';

import { ENVIRONMENTS } from '../emulator/demo';
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

/** The Region radio group; Custom makes both endpoint URLs editable (the emulator's are neither region's). */
async function chooseRegion(page: Page, region: 'Choreo US' | 'Choreo EU' | 'Custom') {
  await page.getByRole('radio', { name: region, exact: true }).check();
  await expect(page.getByRole('radio', { name: region, exact: true })).toBeChecked();
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
  await chooseRegion(page, 'Custom');
  await fillSettings(page, { tokenUrl: info.emulator.tokenUrl, apiUrl: info.emulator.apiUrl });

  const before = await getStats(request);
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();

  const result = page.getByTestId(SandboxIds.testResult);
  await expect(result).toContainText(`Connected to organization ${info.demo.orgUuid}`);
  await expect(result).toContainText(ENVIRONMENTS.map((e) => e.name).join(', '));
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
  await chooseRegion(page, 'Custom');
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
  await expect(page.getByRole('radio', { name: 'Custom', exact: true })).toBeChecked();
  await expect(page.getByLabel(SETTING_LABELS.apiUrl, { exact: true })).toHaveValue(info.emulator.apiUrl);
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();
  await expect(page.getByTestId(SandboxIds.testResult)).toContainText('Connected to organization');
  await screenshot(page, 'config-page-light');
});

test('the Region choice fills the token URL and says where the EU Insights API URL is', async ({ page }) => {
  await openSandbox(page, 'settings');
  const tokenUrl = page.getByLabel(SETTING_LABELS.tokenUrl, { exact: true });
  const apiUrl = page.getByLabel(SETTING_LABELS.apiUrl, { exact: true });
  // A new data source is on Choreo US, with its endpoints shown and fixed.
  await expect(page.getByRole('radio', { name: 'Choreo US', exact: true })).toBeChecked();
  await expect(tokenUrl).toHaveValue('https://sts.choreo.dev/oauth2/token');
  await expect(tokenUrl).not.toBeEditable();

  await chooseRegion(page, 'Choreo EU');
  await expect(tokenUrl).toHaveValue('https://sts.eu.choreo.dev/oauth2/token');
  await expect(apiUrl).toHaveValue('');
  await expect(apiUrl).toBeEditable();
  await expect(page.getByText(/Choreo EU needs the Insights API URL, which WSO2 does not document/)).toBeVisible();
  await expect(
    page.getByText(/subscribed Insights API → Endpoints \(host choreocontrolplane\.eu\.choreo\.dev\)/).first()
  ).toBeVisible();
  await apiUrl.fill('https://choreocontrolplane.eu.choreo.dev/abcd/insights/1.0.0/query-api');
  await expect(page.getByText(/Choreo EU needs the Insights API URL/)).toBeHidden();
  await screenshot(page, 'config-page-region-eu');

  await chooseRegion(page, 'Choreo US');
  await expect(tokenUrl).toHaveValue('https://sts.choreo.dev/oauth2/token');
  await expect(apiUrl).toHaveValue('https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api');
});

test('the default environment select lists the environments once the credentials are saved', async ({ page }) => {
  await openSandbox(page, 'settings');
  await expect(page.getByText(/The list of your environments appears after Save & test/)).toBeVisible();
  await page.getByRole('button', { name: SandboxLabels.fillDemo }).click();
  await page.getByRole('button', { name: SandboxLabels.saveAndTest }).click();
  await expect(page.getByTestId(SandboxIds.testResult)).toContainText('Connected to organization');

  const select = page.getByRole('combobox', { name: SETTING_LABELS.defaultEnvironmentId });
  await expect(page.getByText(/Pick one, or type an environment id/)).toBeVisible();
  await select.click();
  // The emulator's environments, in its order.
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(ENVIRONMENTS.length);
  for (const [i, env] of ENVIRONMENTS.entries()) {
    await expect(options.nth(i)).toContainText(env.name);
  }
  await options.nth(1).click();
  await expect(select).toHaveValue(ENVIRONMENTS[1].name);
});

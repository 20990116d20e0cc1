import { expect, test } from '@grafana/plugin-e2e';

import type { ChoreoOptions, ChoreoSecureOptions } from '../src/options';
import { SETTING_LABELS } from '../src/settings/validateSettings';
import { EMULATOR_DS_FILE, INSIGHTS_ROUTE, PLUGIN_ID } from './emulator';

test.describe('config page', () => {
  test('fills, saves and tests a new data source against the emulator', async ({
    createDataSourceConfigPage,
    readProvisionedDataSource,
    selectors,
    page,
  }) => {
    const provisioned = await readProvisionedDataSource<ChoreoOptions, ChoreoSecureOptions>({
      fileName: EMULATOR_DS_FILE,
    });
    const { jsonData } = provisioned;
    const configPage = await createDataSourceConfigPage({ type: PLUGIN_ID });

    await page.getByLabel(SETTING_LABELS.consumerKey).fill(jsonData?.consumerKey ?? '');
    await page.getByLabel(SETTING_LABELS.consumerSecret).fill(provisioned.secureJsonData?.consumerSecret ?? '');
    await page.getByLabel(SETTING_LABELS.orgHandle).fill(jsonData?.orgHandle ?? '');
    await page.getByLabel(SETTING_LABELS.orgUuid).fill(jsonData?.orgUuid ?? '');
    // A new data source starts on Choreo US with fixed endpoints; the emulator's need Custom.
    await page.getByRole('radio', { name: 'Custom', exact: true }).check();
    await page.getByLabel(SETTING_LABELS.tokenUrl).fill(jsonData?.tokenUrl ?? '');
    await page.getByLabel(SETTING_LABELS.apiUrl).fill(jsonData?.apiUrl ?? '');

    // testDatasource() first calls the route through the proxy, then Grafana's /health (the
    // plugin backend); saveAndTest must be told which response to wait for. Both succeed here:
    // the alert says so and keeps the browser's environment list.
    const proxyPath = `${selectors.apis.DataSource.proxy(configPage.datasource.uid, configPage.datasource.id.toString())}/${INSIGHTS_ROUTE}`;
    await expect(configPage.saveAndTest({ path: proxyPath })).toBeOK();
    await expect(configPage).toHaveAlert('success', { hasText: /alerting: connected through the plugin backend/ });
    await expect(configPage).toHaveAlert('success', { hasText: /Connected to organization/ });
  });

  test('reports a wrong consumer secret', async ({
    createDataSourceConfigPage,
    readProvisionedDataSource,
    selectors,
    page,
  }) => {
    const provisioned = await readProvisionedDataSource<ChoreoOptions, ChoreoSecureOptions>({
      fileName: EMULATOR_DS_FILE,
    });
    const { jsonData } = provisioned;
    const configPage = await createDataSourceConfigPage({ type: PLUGIN_ID });

    await page.getByLabel(SETTING_LABELS.consumerKey).fill(jsonData?.consumerKey ?? '');
    await page.getByLabel(SETTING_LABELS.consumerSecret).fill('not-the-secret');
    await page.getByLabel(SETTING_LABELS.orgHandle).fill(jsonData?.orgHandle ?? '');
    await page.getByLabel(SETTING_LABELS.orgUuid).fill(jsonData?.orgUuid ?? '');
    await page.getByRole('radio', { name: 'Custom', exact: true }).check();
    await page.getByLabel(SETTING_LABELS.tokenUrl).fill(jsonData?.tokenUrl ?? '');
    await page.getByLabel(SETTING_LABELS.apiUrl).fill(jsonData?.apiUrl ?? '');

    const proxyPath = `${selectors.apis.DataSource.proxy(configPage.datasource.uid, configPage.datasource.id.toString())}/${INSIGHTS_ROUTE}`;
    // Grafana turns the API's 401 (no valid token) into a 400.
    await expect(configPage.saveAndTest({ path: proxyPath })).not.toBeOK();
    await expect(configPage).toHaveAlert('error');
  });

  test('opens the provisioned emulator data source with its settings', async ({
    gotoDataSourceConfigPage,
    readProvisionedDataSource,
    page,
  }) => {
    const provisioned = await readProvisionedDataSource<ChoreoOptions>({ fileName: EMULATOR_DS_FILE });
    await gotoDataSourceConfigPage(provisioned.uid ?? '');
    await expect(page.getByLabel(SETTING_LABELS.orgUuid)).toHaveValue(provisioned.jsonData?.orgUuid ?? '');
    // Provisioned with the emulator's URLs (region: custom) and saved credentials: the default
    // environment is a select of the emulator's environments.
    await expect(page.getByRole('radio', { name: 'Custom', exact: true })).toBeChecked();
    await page.getByRole('combobox', { name: SETTING_LABELS.defaultEnvironmentId }).click();
    await expect(page.getByRole('option', { name: /^Production/ })).toBeVisible();
  });
});

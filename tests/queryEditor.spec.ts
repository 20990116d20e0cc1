import { expect, test, type PanelEditPage } from '@grafana/plugin-e2e';
import type { Page } from '@playwright/test';

import { entryFor } from '../src/catalog/catalog';
import { Components } from '../src/components/selectors';
import { QueryType } from '../src/types';
import { EMULATOR_DS_FILE, isInsightsProxyResponse } from './emulator';

const S = Components.QueryEditor;

/**
 * Every query type, GraphQL included: picked in a new panel (the request summary), GraphQL
 * opens the document the request summary sends.
 */
const EDITOR_TYPES = Object.values(QueryType);

/** Grafana's Combobox: open it, then pick the option whose label text is exactly `label`. */
async function pickOption(page: Page, inputId: string, label?: string) {
  await page.locator(`#${inputId}`).click();
  const options = page.getByRole('option');
  // An option's accessible name also holds its description, so match the label element.
  const option = label ? options.filter({ has: page.getByText(label, { exact: true }) }) : options;
  await option.first().click();
}

async function showAsTable(panelEditPage: PanelEditPage) {
  await panelEditPage.setVisualization('Table');
}

test.describe('query editor', () => {
  for (const type of EDITOR_TYPES) {
    const entry = entryFor(type);
    if (!entry) {
      throw new Error(`no catalog entry for ${type}`);
    }
    const info = { page: entry.page, label: entry.label, apiRequired: entry.scope.apis === 'required' };

    test(`${info.page} / ${info.label} returns data into a panel`, async ({
      panelEditPage,
      readProvisionedDataSource,
      page,
    }) => {
      const ds = await readProvisionedDataSource({ fileName: EMULATOR_DS_FILE });
      await panelEditPage.datasource.set(ds.name);
      await showAsTable(panelEditPage);

      await pickOption(page, S.QueryType.id('A'), info.label);
      if (info.apiRequired) {
        // The type cannot run for all APIs: take the first API the emulator lists.
        await pickOption(page, S.Scope.Api.id('A'));
      }

      // The plugin has no backend: its data comes through the data source proxy, not /api/ds/query.
      const response = await panelEditPage.refreshPanel({ waitForResponsePredicateCallback: isInsightsProxyResponse });
      expect(response.ok()).toBe(true);
      await expect(panelEditPage.panel.getErrorIcon()).toHaveCount(0);
      await expect(panelEditPage.panel.fieldNames.first()).toBeVisible();
    });
  }

  test('Open as GraphQL turns a builder query into its GraphQL document, which returns data', async ({
    panelEditPage,
    readProvisionedDataSource,
    page,
  }) => {
    const ds = await readProvisionedDataSource({ fileName: EMULATOR_DS_FILE });
    await panelEditPage.datasource.set(ds.name);
    await showAsTable(panelEditPage);
    await pickOption(page, S.QueryType.id('A'), entryFor(QueryType.ApiUsage)?.label);
    await page.getByTestId(S.OpenAsGraphQL).click();
    await expect(page.locator(`#${S.QueryType.id('A')}`)).toHaveValue(entryFor(QueryType.GraphQL)?.label ?? '');
    // The GraphQL editor (Monaco) with the API usage document.
    await expect(page.getByText('getAPIUsageOverTime', { exact: true }).first()).toBeVisible();

    const response = await panelEditPage.refreshPanel({ waitForResponsePredicateCallback: isInsightsProxyResponse });
    expect(response.ok()).toBe(true);
    await expect(panelEditPage.panel.getErrorIcon()).toHaveCount(0);
    await expect(panelEditPage.panel.fieldNames.first()).toBeVisible();
  });
});

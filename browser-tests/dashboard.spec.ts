/**
 * The provisioned dashboards (src/dashboards) on the sandbox's Dashboards tab: every panel runs
 * through the real DataSource, the Grafana-faithful proxy and the emulator, and must draw data
 * in its visualisation. Also takes the README's dashboard screenshots.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

import { DASHBOARD_FILES } from '../sandbox/page/dashboard/dashboardFiles';
import { sandboxUrl, saveDemoSettings, SandboxIds, screenshot } from './sandbox';

const PANEL_TIMEOUT_MS = 20_000;
const SCREENSHOTS: Record<string, string> = { overview: 'dashboard-overview', errors: 'dashboard-errors' };

// One page for all dashboards, switched with the picker: reloading the ~20 MB dev bundle per
// dashboard would double the time. After a failure Playwright starts a new worker, whose
// beforeAll opens a new page, so the other dashboards still run.
let page: Page;

test.beforeAll(async ({ browser, request }) => {
  await saveDemoSettings(request);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${sandboxUrl()}/?theme=dark#dashboards`);
});

test.afterAll(async () => {
  await page.close();
});

async function openDashboard(key: string, title: string): Promise<Locator> {
  const picker = page.getByTestId(SandboxIds.dashboardPicker);
  if ((await picker.textContent()) !== title) {
    await picker.click();
    await page.getByRole('option', { name: title, exact: true }).click();
    // No focus ring on the picker in the screenshots.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  const dashboard = page.getByTestId(SandboxIds.dashboard);
  await expect(dashboard).toHaveAttribute('data-dashboard', key, { timeout: PANEL_TIMEOUT_MS });
  return dashboard;
}

/** What each panel type must show once its data is in. */
async function expectDrawn(panel: Locator, type: string): Promise<void> {
  switch (type) {
    case 'stat':
      await expect(panel).toContainText(/\d/);
      break;
    case 'timeseries':
      await expect(panel.locator('canvas').first()).toBeVisible();
      break;
    case 'table':
      await expect(panel.getByRole('row').nth(1)).toBeVisible();
      break;
    case 'barchart':
      await expect(panel.getByTestId('sandbox-bar-row').first()).toBeVisible();
      break;
    case 'piechart':
      await expect(panel.locator('svg path').first()).toBeVisible();
      break;
    default:
      throw new Error(`no expectation for panel type ${type}`);
  }
}

for (const { key, json } of DASHBOARD_FILES) {
  test(`dashboard ${key}: every panel draws data`, async () => {
    const dashboard = await openDashboard(key, json.title);
    for (const panelJson of json.panels) {
      const panel = dashboard.getByTestId(SandboxIds.dashboardPanel(panelJson.id));
      const where = `${key} panel ${panelJson.id} "${panelJson.title}"`;
      await expect(panel, where).toHaveAttribute('data-state', 'Done', { timeout: PANEL_TIMEOUT_MS });
      await expect(panel, where).not.toHaveAttribute('data-rows', '0');
      await expect(panel, where).not.toContainText('No data');
      await expectDrawn(panel, panelJson.type);
    }
    if (SCREENSHOTS[key]) {
      await screenshot(page, SCREENSHOTS[key]);
    }
  });
}

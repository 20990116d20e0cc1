/**
 * The provisioned dashboards (src/dashboards) on the sandbox's Dashboards tab: every panel runs
 * through the real DataSource, the Grafana-faithful proxy and the emulator, and must draw data
 * in its visualisation. Also takes the README's dashboard screenshots.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

import { APIS } from '../emulator/demo';
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

const DAY_MS = 86_400_000;
const apiName = (id: string) => {
  const api = APIS.find((a) => a.id === id);
  return api ? `${api.name} ${api.version}` : undefined;
};

/** The parts of a drill-down URL the tests care about. */
function drillDown(href: string | null) {
  const m = /^\/d\/([\w-]+)\?(.*)$/.exec(href ?? '');
  expect(m, `a /d/<uid>?... URL, got ${href}`).not.toBeNull();
  const params = new URLSearchParams(m![2]);
  return { uid: m![1], params, span: Number(params.get('to')) - Number(params.get('from')) };
}

test('a bar of Top 10 Slowest APIs drills down to Latency for that API, keeping time range and environment', async () => {
  const dashboard = await openDashboard('latency', 'Choreo Insights / Latency');
  const slowest = dashboard.getByTestId(SandboxIds.dashboardPanel(1));
  await expect(slowest).toHaveAttribute('data-state', 'Done', { timeout: PANEL_TIMEOUT_MS });
  const bar = slowest.getByRole('link').nth(1);
  const name = (await bar.textContent())?.trim();
  const link = drillDown(await bar.getAttribute('href'));
  expect(link.uid).toBe('choreo-insights-latency');
  // The API of that bar, by id, and the dashboard's 7 days.
  expect(apiName(link.params.get('var-api') ?? '')).toBe(name);
  expect(link.span).toBeGreaterThan(6.9 * DAY_MS);
  expect(link.span).toBeLessThan(7.1 * DAY_MS);
  expect(link.params.get('var-environment')).toMatch(/^[0-9a-f-]{36}$/);
  expect(link.params.get('var-datasource')).toBe('choreo-insights-emulator');

  // Following it opens Latency on that API: every category panel is titled with it.
  await bar.click();
  const total = page.getByTestId(SandboxIds.dashboardPanel(2));
  await expect(total).toContainText(`Total latency: ${name}`, { timeout: PANEL_TIMEOUT_MS });
  await expect(total).toHaveAttribute('data-state', 'Done', { timeout: PANEL_TIMEOUT_MS });
  await expect(total.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId(SandboxIds.dashboardPanel(5))).toContainText(`Response mediation latency: ${name}`);
  await screenshot(page, 'dashboard-drill-down');
});

test('an API usage series and a resource-usage row drill down to Errors for that API', async () => {
  const dashboard = await openDashboard('traffic', 'Choreo Insights / Traffic');
  const usage = dashboard.getByTestId(SandboxIds.dashboardPanel(1));
  await expect(usage).toHaveAttribute('data-state', 'Done', { timeout: PANEL_TIMEOUT_MS });
  await page.getByTestId(SandboxIds.panelLinks(1)).getByRole('button', { name: 'Drill-down links' }).click();
  const item = page.getByRole('menuitem', { name: 'Errors of Orders API v1' });
  const series = drillDown(await item.getAttribute('href'));
  expect(series.uid).toBe('choreo-insights-errors');
  expect(apiName(series.params.get('var-api') ?? '')).toBe('Orders API v1');
  expect(series.span).toBeGreaterThan(6.9 * DAY_MS);
  await page.keyboard.press('Escape');

  const resources = dashboard.getByTestId(SandboxIds.dashboardPanel(4));
  await expect(resources.getByRole('row').nth(1)).toBeVisible({ timeout: PANEL_TIMEOUT_MS });
  // The API ID column is hidden; the row's links carry it.
  await expect(resources.getByRole('columnheader', { name: 'API ID' })).toHaveCount(0);
  const cell = resources.getByRole('row').nth(1).getByRole('link').first();
  const row = drillDown(await cell.getAttribute('href'));
  expect(row.uid).toBe('choreo-insights-errors');
  expect(apiName(row.params.get('var-api') ?? '')).toBe((await cell.textContent())?.trim());
});

test('the dashboard links join the six dashboards, keeping time range and variables', async () => {
  await openDashboard('errors', 'Choreo Insights / Errors');
  await page.getByTestId(SandboxIds.dashboardLinks).getByRole('button').click();
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(5);
  const targets = await items.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(targets.map((t) => drillDown(t).uid).sort()).toEqual(
    DASHBOARD_FILES.filter((d) => d.key !== 'errors')
      .map((d) => d.json.uid)
      .sort()
  );
  for (const t of targets) {
    const { params, span } = drillDown(t);
    expect(span).toBeGreaterThan(6.9 * DAY_MS);
    expect(params.get('var-api')).toBe('$__all');
    expect(params.get('var-environment')).toMatch(/^[0-9a-f-]{36}$/);
  }
  await page.keyboard.press('Escape');
});

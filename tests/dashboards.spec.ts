import { expect, test } from '@grafana/plugin-e2e';

import { isInsightsProxyResponse, readDashboards } from './emulator';

test.describe('provisioned dashboards', () => {
  for (const dashboard of readDashboards()) {
    test(`${dashboard.title}: every panel renders data`, async ({ gotoDashboardPage, page }) => {
      const failed: string[] = [];
      page.on('response', (response) => {
        if (isInsightsProxyResponse(response) && !response.ok()) {
          failed.push(`${response.status()} ${response.url()}`);
        }
      });

      const dashboardPage = await gotoDashboardPage({ uid: dashboard.uid });
      for (const { id, title } of dashboard.panels) {
        // Scenes renders a panel only once it scrolls into view; looked up by id because
        // titles may hold variables.
        const panel = dashboardPage.getPanelById(String(id));
        await panel.scrollIntoView();
        await expect(panel.locator, `panel ${id} "${title}"`).toBeVisible();
        await expect(panel.getErrorIcon(), `panel ${id} "${title}" shows an error`).toHaveCount(0);
        await expect(panel.locator, `panel ${id} "${title}" has no data`).not.toContainText('No data');
      }
      expect(failed).toEqual([]);
    });
  }
});

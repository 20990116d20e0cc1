import { expect, test } from '@grafana/plugin-e2e';

import { ORDERS_ERROR_RATE_RULE_UID } from './emulator';

/**
 * Alert rules run on Grafana's server through the plugin's backend (QueryData), never through
 * the browser's route. The provisioned rule (provisioning/alerting/) has two customReport builder
 * queries and Reduce / Math / Threshold expressions.
 */
test.describe('alerting through the plugin backend', () => {
  test('the provisioned Orders API rule opens with its queries and reaches the backend', async ({
    gotoAlertRuleEditPage,
    page,
  }) => {
    const rulePage = await gotoAlertRuleEditPage({ uid: ORDERS_ERROR_RATE_RULE_UID });
    await expect(rulePage.alertRuleNameField).toHaveValue('Orders API error rate > 5 %');
    // The evaluation goes to the plugin's backend: a frontend-only plugin fails it.
    await expect(rulePage.evaluate()).toBeOK();
    await expect(page.getByText(/not available in alert rules|plugin backend failed/)).toHaveCount(0);
  });

  test('the query preview of the provisioned rule shows data', async ({ gotoAlertRuleEditPage }) => {
    const rulePage = await gotoAlertRuleEditPage({ uid: ORDERS_ERROR_RATE_RULE_UID });
    const response = await rulePage.evaluate();
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as {
      results?: Record<string, { frames?: Array<{ data?: { values?: unknown[][] } }> }>;
    };
    for (const refId of ['ERRORS', 'HITS']) {
      const values = body.results?.[refId]?.frames?.[0]?.data?.values ?? [];
      expect(values[1]?.length ?? 0, `${refId} has points`).toBeGreaterThan(0);
    }
  });
});

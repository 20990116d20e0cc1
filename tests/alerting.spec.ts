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
    // Until the catalog interpreter runs builder query types, the backend answers each query
    // with its "not yet supported" error: proof that Grafana started the backend and routed the
    // rule's queries to it (a frontend-only plugin would make the evaluation fail otherwise).
    await expect(rulePage.evaluate()).not.toBeOK();
    await expect(
      page.getByText(/"customReport" query type is not yet supported by the plugin backend/).first()
    ).toBeVisible();
  });

  test('the query preview of the provisioned rule shows data', async ({ gotoAlertRuleEditPage }) => {
    test.fail(true, 'builder query types answer "not yet supported" until the catalog interpreter lands');
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

/**
 * Driving the plugin's query editor on the sandbox's Query tab. Field ids come from
 * src/components/selectors.ts; `combobox-option-<value>` is how @grafana/ui's Combobox names
 * its options (values are stable, labels carry descriptions).
 */
import { expect, type Locator, type Page } from '@playwright/test';

import { entryFor } from '../src/catalog/catalog';
import { Components } from '../src/components/selectors';
import type { QueryType } from '../src/types';
import { SandboxIds } from './sandbox';

export const S = Components.QueryEditor;
export const REF_ID = 'A';
const RUN_TIMEOUT_MS = 20_000;

export function queryState(page: Page): Locator {
  return page.getByTestId(SandboxIds.queryState);
}

export async function runCount(page: Page): Promise<number> {
  return Number(await queryState(page).getAttribute('data-runs'));
}

/** Waits until a run newer than `after` has finished (the page counts finished runs). */
export async function waitForRun(page: Page, after: number): Promise<void> {
  await expect(queryState(page)).not.toHaveAttribute('data-runs', String(after), { timeout: RUN_TIMEOUT_MS });
  await expect(queryState(page)).not.toHaveAttribute('data-state', 'Loading', { timeout: RUN_TIMEOUT_MS });
}

/** A Combobox's or MultiCombobox's input (MultiCombobox gives its open menu's checkboxes the same id). */
export function comboboxInput(page: Page, inputId: string): Locator {
  return page.locator(`input[role="combobox"][id="${inputId}"]`);
}

/** Opens a Combobox by its input id, filters by `text` and picks the option with `value`. */
export async function choose(page: Page, inputId: string, value: string, text?: string): Promise<void> {
  const input = comboboxInput(page, inputId);
  await input.click();
  if (text) {
    await input.fill(text);
  }
  // Options of async lists (environments, APIs) appear once loaded.
  await page.locator(`[id="combobox-option-${value}"]`).click();
}

export async function chooseQueryType(page: Page, type: QueryType): Promise<void> {
  await choose(page, S.QueryType.id(REF_ID), type, entryFor(type)?.label);
}

export function frame(page: Page, index = 0): Locator {
  return page.getByTestId(SandboxIds.frameTable(index));
}

export async function columns(table: Locator): Promise<string[]> {
  return (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim());
}

/** The first cell values of a column, by header text. */
export async function columnValues(table: Locator, header: string, rows = 10): Promise<string[]> {
  const index = (await columns(table)).indexOf(header);
  expect(index, `column "${header}"`).toBeGreaterThanOrEqual(0);
  const values: string[] = [];
  const rowLocators = await table.getByRole('row').all();
  for (const row of rowLocators.slice(1, rows + 1)) {
    const cells = row.getByRole('cell');
    if ((await cells.count()) > index) {
      values.push((await cells.nth(index).textContent())?.trim() ?? '');
    }
  }
  return values;
}

/** Opens the Query tab and waits for the first run (a panel runs its query when it opens). */
export async function openQueryTab(page: Page, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByTestId(S.container)).toBeVisible({ timeout: RUN_TIMEOUT_MS });
  await expect(queryState(page)).not.toHaveAttribute('data-runs', '0', { timeout: RUN_TIMEOUT_MS });
}

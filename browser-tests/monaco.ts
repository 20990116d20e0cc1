/**
 * Reading the GraphQL editor's two Monaco editors (document, variables JSON) as the user sees
 * them: Monaco renders only the lines in view, each absolutely positioned, with non-breaking
 * spaces. The editors grow with their text, so every line of a short document is in view.
 */
import { expect, type Locator, type Page } from '@playwright/test';

import { document, entryFor, resolveDefinition } from '../src/catalog/catalog';

// Monaco is a lazily loaded ~9 MB chunk in the (unminified) sandbox build.
export const MONACO_TIMEOUT_MS = 30_000;

export function queryEditor(page: Page): Locator {
  return page.locator('.monaco-editor[role="code"]').nth(0);
}

export function variablesEditor(page: Page): Locator {
  return page.locator('.monaco-editor[role="code"]').nth(1);
}

/** The lines shown, top to bottom. */
export async function shownLines(editor: Locator): Promise<string[]> {
  return editor.locator('.view-lines').evaluate((el) =>
    Array.from(el.querySelectorAll<HTMLElement>('.view-line'))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd())
  );
}

/** Waits until the editor shows exactly `text`, line by line. */
export async function expectShown(editor: Locator, text: string): Promise<void> {
  await expect(editor).toBeVisible({ timeout: MONACO_TIMEOUT_MS });
  await expect.poll(() => shownLines(editor), { timeout: 10_000 }).toEqual(text.split('\n').map((l) => l.trimEnd()));
}

/** The variables JSON the editor shows, parsed. */
export async function shownVariables(page: Page): Promise<unknown> {
  return JSON.parse((await shownLines(variablesEditor(page))).join('\n'));
}

/** The GraphQL document a builder type sends, as the catalog has it (catalog/documents). */
export function catalogDocument(type: string, variant?: string): string {
  const entry = entryFor(type);
  const file = entry && resolveDefinition(entry, variant).request?.document;
  if (!file) {
    throw new Error(`no catalog document for ${type}`);
  }
  return document(file).trim();
}

/**
 * What the specs share: the sandbox's URL, its test endpoints (save settings, request counters)
 * and screenshot paths. Selectors come from the plugin (src/components/selectors.ts,
 * SETTING_LABELS) and from sandbox/page/testIds.ts.
 */
import path from 'node:path';

import { expect, type APIRequestContext, type Page } from '@playwright/test';

import { SANDBOX_API, type SandboxInfo } from '../sandbox/page/sandboxApi';
import { SandboxIds } from '../sandbox/page/testIds';

export { SandboxIds, SandboxLabels } from '../sandbox/page/testIds';

export const SCREENSHOTS = path.resolve(__dirname, '../docs/screenshots');

export function sandboxUrl(): string {
  const url = process.env.SANDBOX_URL;
  if (!url) {
    throw new Error('SANDBOX_URL is not set: run the specs through browser-tests/playwright.config.ts');
  }
  return url;
}

export interface SandboxStats {
  proxy: { proxiedRequests: number; unmatchedRequests: number; tokenRequests: number; upstreamRequests: number };
  emulator: { tokenRequests: number; graphqlRequests: number; graphqlOperations: number; rejectedAuth: number };
}

export async function getInfo(request: APIRequestContext): Promise<SandboxInfo> {
  const res = await request.get(`${sandboxUrl()}${SANDBOX_API.info}`);
  expect(res.ok()).toBe(true);
  return res.json();
}

export async function getStats(request: APIRequestContext): Promise<SandboxStats> {
  const res = await request.get(`${sandboxUrl()}${SANDBOX_API.stats}`);
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Saves settings server-side, as a previous visit to the config page would have. */
export async function saveSettings(
  request: APIRequestContext,
  settings: { jsonData: Record<string, string>; secret: string }
): Promise<void> {
  const res = await request.put(`${sandboxUrl()}${SANDBOX_API.datasource}`, {
    data: { jsonData: settings.jsonData, secureJsonData: { consumerSecret: settings.secret } },
  });
  expect(res.ok()).toBe(true);
}

export async function saveDemoSettings(request: APIRequestContext, jsonData: Record<string, string> = {}) {
  const info = await getInfo(request);
  await saveSettings(request, {
    jsonData: {
      consumerKey: info.demo.consumerKey,
      orgHandle: info.demo.orgHandle,
      orgUuid: info.demo.orgUuid,
      region: 'custom',
      tokenUrl: info.emulator.tokenUrl,
      apiUrl: info.emulator.apiUrl,
      ...jsonData,
    },
    secret: info.demo.consumerSecret,
  });
  return info;
}

export async function clearSettings(request: APIRequestContext): Promise<void> {
  await saveSettings(request, { jsonData: {}, secret: '' });
}

type Tab = keyof typeof SandboxIds.tabs;

/** Opens a tab of the page in a theme and waits until the page has loaded its settings. */
export async function openSandbox(page: Page, tab: Tab, theme: 'dark' | 'light' = 'dark'): Promise<void> {
  await page.goto(`${sandboxUrl()}/?theme=${theme}#${tab}`);
  await expect(page.getByRole('tab', { name: SandboxIds.tabs[tab] })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Fonts and icons load asynchronously; a screenshot before they settle shows fallbacks.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

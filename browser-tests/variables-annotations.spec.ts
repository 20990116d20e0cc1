import { expect, test, type Page } from '@playwright/test';

import { ENVIRONMENTS } from '../emulator/demo';
import { entryFor } from '../src/catalog/catalog';
import { Components } from '../src/components/selectors';
import { QueryType } from '../src/types';
import { choose, columns, columnValues, frame, S } from './queryPage';
import { openSandbox, saveDemoSettings, SandboxIds } from './sandbox';

test.beforeEach(async ({ request }) => {
  await saveDemoSettings(request);
});

test('the variable query editor lists environments as text/value pairs', async ({ page }) => {
  await openSandbox(page, 'variables');
  await page.getByTestId(SandboxIds.runQuery).click();
  const table = frame(page);
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  expect(await columns(table)).toEqual(['text', 'value']);
  expect(await columnValues(table, 'text')).toEqual(expect.arrayContaining(ENVIRONMENTS.map((e) => e.name)));
  expect(await columnValues(table, 'value')).toEqual(expect.arrayContaining(ENVIRONMENTS.map((e) => e.id)));
});

test('the annotation editor returns Choreo alerts as events', async ({ page }) => {
  await openSandbox(page, 'annotations');
  await page.getByTestId(SandboxIds.runQuery).click();
  const table = frame(page);
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  // The annotation runs as an alert summary target: the catalog's columns.
  expect(await columns(table)).toEqual(['Time', 'API', 'API ID', 'Category', 'Metric', 'Severity', 'Message']);
  await expect(table).toContainText('exceeded the threshold');

  // Each alert becomes an event: the alert's time, a title, its message, and tags.
  const events = page.getByTestId(SandboxIds.annotationEvents);
  await expect(events.getByRole('columnheader').first()).toBeVisible();
  expect(await columns(events)).toEqual(['Time', 'Title', 'Text', 'Tags']);
  const [apis, categories, severities] = await Promise.all(
    ['API', 'Category', 'Severity'].map((c) => columnValues(table, c))
  );
  const titles = await columnValues(events, 'Title');
  expect(titles.length).toBeGreaterThan(3);
  expect(titles).toEqual(titles.map((_, i) => `${severities[i]} ${categories[i]} alert: ${apis[i]}`));
  expect(await columnValues(events, 'Time')).toEqual(await columnValues(table, 'Time'));
  expect(await columnValues(events, 'Text')).toEqual(await columnValues(table, 'Message'));
  expect((await columnValues(events, 'Tags'))[0]).toContain(apis[0]);
});

const ANNOTATION_REF_ID = 'Anno';
const CATEGORY = S.option(QueryType.AlertSummary, 'alertCategory');
const MIN_SEVERITY = Components.AnnotationEditor.MinSeverity;

interface Events {
  count: number;
  /** The first rows' titles ("<severity> <category> alert: <API>") and tags. */
  titles: string[];
  tags: string[];
}

/** Runs the annotation query; the events are what Grafana would draw as markers. */
async function runEvents(page: Page): Promise<Events> {
  const events = page.getByTestId(SandboxIds.annotationEvents);
  const previous = (await events.count()) ? await events.locator('h4').textContent() : null;
  await page.getByTestId(SandboxIds.runQuery).click();
  await expect(events).toBeVisible();
  if (previous !== null) {
    await expect(events.locator('h4')).not.toHaveText(previous);
  }
  const count = Number(/^Events \((\d+)\)$/.exec((await events.locator('h4').textContent()) ?? '')?.[1]);
  return { count, titles: await columnValues(events, 'Title'), tags: await columnValues(events, 'Tags') };
}

test('the annotation editor: fields labelled from the catalog; category and minimum severity filter the events', async ({
  page,
}) => {
  await openSandbox(page, 'annotations');
  // The Alert summary's scope and category (labels from the catalog), and the minimum severity.
  const scope = entryFor(QueryType.AlertSummary)!.scope;
  expect(scope).toMatchObject({ environment: true, apis: 'many', apps: 'none' });
  for (const label of [S.Scope.Environment.label, S.Scope.Project.label, S.Scope.Apis.label, CATEGORY.label]) {
    await expect(page.getByLabel(label, { exact: true }), label).toBeVisible();
  }
  await expect(page.getByLabel(MIN_SEVERITY.label, { exact: true })).toHaveValue('Any severity');
  await expect(page.getByLabel(S.Scope.Applications.label, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(S.Scope.Granularity.label, { exact: true })).toHaveCount(0);

  const all = await runEvents(page);
  // Both categories and several severities, so each filter below has something to remove.
  expect(all.titles.some((t) => / TRAFFIC alert: /.test(t))).toBe(true);
  expect(all.titles.some((t) => / LATENCY alert: /.test(t))).toBe(true);
  expect(new Set(all.titles.map((t) => t.split(' ')[0])).size).toBeGreaterThan(1);

  const latencyValue = categoryValue('LATENCY');
  await choose(page, CATEGORY.id(ANNOTATION_REF_ID), latencyValue.value, latencyValue.label);
  const latency = await runEvents(page);
  expect(latency.count).toBeGreaterThan(0);
  expect(latency.count).toBeLessThan(all.count);
  for (const [i, title] of latency.titles.entries()) {
    expect(title).toMatch(/^(LOW|MEDIUM|HIGH) LATENCY alert: /);
    expect(latency.tags[i]).toContain('LATENCY');
  }

  await choose(page, MIN_SEVERITY.id(ANNOTATION_REF_ID), 'HIGH', 'High');
  const high = await runEvents(page);
  expect(high.count).toBeGreaterThan(0);
  expect(high.count).toBeLessThan(latency.count);
  for (const title of high.titles) {
    expect(title).toMatch(/^HIGH LATENCY alert: /);
  }
});

/** A value of the catalog's alert category option, with its label. */
function categoryValue(value: string): { value: string; label: string } {
  const option = entryFor(QueryType.AlertSummary)!.options.find((o) => o.name === 'alertCategory');
  const found = option?.values?.find((v) => v.value === value);
  if (!found) {
    throw new Error(`the catalog's alert categories have no ${value}`);
  }
  return { value: String(found.value), label: found.label };
}

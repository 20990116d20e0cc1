/** @jest-environment node */
import { execFileSync } from 'node:child_process';

import { checkDashboard, checkDashboardSet, loadDashboards, referencedVariables } from './lib/dashboards';
import {
  checkDashboardLinks,
  dataLinksOf,
  interpolateDataLink,
  interpolateTitle,
  parseDashboardUrl,
} from './lib/dataLinks';
import type { ResolvedVariable } from './lib/variables';
import { readJson, REPO_ROOT } from './lib/repo';
import { generateDashboardTypes } from './generateDashboardTypes';

const EXPECTED = ['alerts', 'cache-devices', 'errors', 'latency', 'overview', 'traffic'];

describe('dashboards', () => {
  const dashboards = loadDashboards();

  it('ships one dashboard per console page', () => {
    expect(dashboards.map((d) => d.file.replace(/^src\/dashboards\/|\.json$/g, ''))).toEqual(EXPECTED);
  });

  it.each(dashboards.map((d) => [d.file, d] as const))('%s: panels, targets and variables are consistent', (_f, d) => {
    expect(checkDashboard(d)).toEqual([]);
  });

  it('uids and titles are unique, and plugin.json includes exactly these files', () => {
    expect(checkDashboardSet(dashboards, readJson('src/plugin.json'))).toEqual([]);
  });

  it('reports a wrong queryType, a foreign data source and an undefined variable', () => {
    const broken = structuredClone(dashboards[0]);
    const panel = broken.json.panels[0];
    panel.targets = [
      { refId: 'A', queryType: 'nope', datasource: { type: 'prometheus', uid: 'x' }, apiIds: ['$missing'] },
    ];
    const problems = checkDashboard(broken).join('\n');
    expect(problems).toMatch(/unknown queryType nope/);
    expect(problems).toMatch(/target A datasource must be/);
    expect(problems).toMatch(/undefined variable \$missing/);
  });

  it('reports scope a query type ignores or cannot take', () => {
    const broken = structuredClone(dashboards.find((d) => d.file.endsWith('overview.json'))!);
    const kpi = broken.json.panels[0];
    kpi.targets = [{ ...kpi.targets![0], apiIds: ['$environment'] }];
    expect(checkDashboard(broken).join('\n')).toMatch(/apiIds is ignored by this query type/);
  });

  it('finds every variable syntax Grafana interpolates', () => {
    expect(referencedVariables('$a ${b} ${c:csv} [[d]] $__interval')).toEqual(['a', 'b', 'c', 'd', '__interval']);
  });

  // Slow (a full tsc run) but the only check that the JSON matches @grafana/schema's Dashboard
  // and each target src/types.ts's ChoreoQuery.
  it('typecheck against @grafana/schema Dashboard and ChoreoQuery', () => {
    generateDashboardTypes();
    const tsc = require.resolve('typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', 'testing/ship'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  }, 120_000);
});

describe('dashboard links and drill-downs', () => {
  const dashboards = loadDashboards();
  const byFile = (name: string) => dashboards.find((d) => d.file.endsWith(`/${name}.json`))!;
  const variables: ResolvedVariable[] = [
    {
      name: 'datasource',
      type: 'datasource',
      multi: false,
      includeAll: false,
      text: 'ds',
      value: 'ds-uid',
      options: [],
    },
    { name: 'environment', type: 'query', multi: false, includeAll: false, text: 'Prod', value: 'env-1', options: [] },
    { name: 'api', type: 'query', multi: true, includeAll: true, text: ['All'], value: ['$__all'], options: [] },
  ];
  const range = { from: 1_700_000_000_000, to: 1_700_086_400_000 };

  it('join all six dashboards and drill down keeping time range, data source and environment', () => {
    expect(checkDashboardLinks(dashboards)).toEqual([]);
  });

  it('drill down from each view the console links', () => {
    const targets = (name: string, panelId: number) =>
      dataLinksOf(byFile(name).json.panels.find((p) => p.id === panelId)!).map((l) => parseDashboardUrl(l.url)?.uid);
    expect([1, 2, 3, 4].map((id) => targets('overview', id)[0])).toEqual([
      'choreo-insights-traffic',
      'choreo-insights-errors',
      'choreo-insights-errors',
      'choreo-insights-latency',
    ]);
    expect(targets('latency', 1)).toEqual(['choreo-insights-latency']);
    expect(targets('traffic', 1)).toEqual(['choreo-insights-errors']);
    expect(targets('traffic', 4)).toEqual(['choreo-insights-errors']);
    expect(targets('errors', 5)).toContain('choreo-insights-errors');
  });

  it('builds the URL Grafana opens for a row and for a series', () => {
    const [slowest] = dataLinksOf(byFile('latency').json.panels[0]);
    expect(
      interpolateDataLink(slowest.url, { variables, range, fields: { API: 'Orders v1', 'API ID': 'a b/1' } })
    ).toBe(
      '/d/choreo-insights-latency?from=1700000000000&to=1700086400000&var-datasource=ds-uid&var-environment=env-1&var-api=a%20b%2F1'
    );
    expect(interpolateTitle(slowest.title, { variables, range, fields: { API: 'Orders v1' } })).toBe(
      'Latency of Orders v1'
    );
    const [usage] = dataLinksOf(byFile('traffic').json.panels[0]);
    expect(interpolateDataLink(usage.url, { variables, range, labels: { api: 'Orders v1', apiId: 'id-1' } })).toMatch(
      /^\/d\/choreo-insights-errors\?from=\d+&to=\d+&var-datasource=ds-uid&var-environment=env-1&var-api=id-1$/
    );
  });

  it('reports a drill-down that drops the time range, targets a missing variable or shows the API ID', () => {
    const broken = structuredClone(byFile('latency'));
    const panel = broken.json.panels[0];
    (panel.fieldConfig as { defaults: { links: unknown[] }; overrides: unknown[] }).defaults.links = [
      { title: 'x', url: '/d/choreo-insights-overview?${environment:queryparam}&var-api=${__data.fields["API ID"]}' },
    ];
    (panel.fieldConfig as { overrides: unknown[] }).overrides = [];
    const problems = checkDashboardLinks([broken, ...dashboards.filter((d) => d !== byFile('latency'))]).join('\n');
    expect(problems).toMatch(/must keep \$\{__url_time_range\}/);
    expect(problems).toMatch(/choreo-insights-overview has no variable api/);
    expect(problems).toMatch(/reads "API ID", which the panel must hide/);
  });

  it('lays out Latency as the console: one panel per category, each with its p95 and median in two colours', () => {
    const latency = byFile('latency').json.panels.filter((p) => p.type === 'timeseries');
    const shown = latency.map((p) => {
      const [filter] = p.transformations as Array<{ id: string; options: { include: { names: string[] } } }>;
      const colours = (
        p.fieldConfig as { overrides: Array<{ properties: Array<{ id: string; value: { fixedColor?: string } }> }> }
      ).overrides.map((o) => o.properties.find((q) => q.id === 'color')?.value.fixedColor);
      return { filter: filter.id, names: filter.options.include.names, colours };
    });
    expect(shown).toEqual(
      ['Total', 'Backend', 'Request mediation', 'Response mediation'].map((c) => ({
        filter: 'filterFieldsByName',
        names: ['Time', `${c} p95`, `${c} median`],
        colours: ['blue', 'orange'],
      }))
    );
  });
});

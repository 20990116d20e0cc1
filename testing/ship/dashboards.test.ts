/** @jest-environment node */
import { execFileSync } from 'node:child_process';

import { checkDashboard, checkDashboardSet, loadDashboards, referencedVariables } from './lib/dashboards';
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

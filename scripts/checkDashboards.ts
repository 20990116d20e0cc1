/**
 * Checks the shipped dashboards, statically and then for real:
 *
 * 1. docker-compose.yaml, provisioning/ and src/dashboards/ agree (the same checks as
 *    testing/ship/*.test.ts).
 * 2. Every panel of every dashboard, variables resolved as Grafana resolves them on load, runs
 *    through the real DataSource, the Grafana-faithful data source proxy (testing/grafana-proxy)
 *    and the Choreo emulator, and must return frames its panel type can draw.
 *
 * Prints one line per panel; exits 1 on any problem.
 *   npx tsx scripts/checkDashboards.ts [--static]
 */
import '../testing/node/registerGraphqlFiles';

import { checkCompose, loadCompose } from '../testing/ship/lib/compose';
import { checkDashboard, checkDashboardSet, loadDashboards } from '../testing/ship/lib/dashboards';
import { installDom } from '../testing/ship/lib/domShim';
import {
  checkDashboardProviders,
  checkDataSourceFiles,
  EMULATOR_DS_FILE,
  EMULATOR_DS_UID,
  loadDataSources,
} from '../testing/ship/lib/provisioning';
import { readJson } from '../testing/ship/lib/repo';
import type { ChoreoOptions } from '../src/options';

function staticProblems(): string[] {
  const compose = loadCompose();
  const dashboards = loadDashboards();
  return [
    ...checkCompose(compose),
    ...checkDataSourceFiles(compose),
    ...checkDashboardProviders(compose),
    ...dashboards.flatMap(checkDashboard),
    ...checkDashboardSet(dashboards, readJson('src/plugin.json')),
  ];
}

async function dynamicFailures(): Promise<number> {
  installDom();
  // Loaded after the DOM exists: @grafana/runtime reads window at import.
  const { startStack } = await import('../testing/stack/startStack');
  const { runDashboard } = await import('../testing/ship/lib/panelRunner');

  const provisioned = loadDataSources(EMULATOR_DS_FILE).find((ds) => ds.uid === EMULATOR_DS_UID);
  if (!provisioned) {
    throw new Error(`${EMULATOR_DS_FILE} has no ${EMULATOR_DS_UID}`);
  }
  // The provisioned settings, with the compose service's URLs pointed at this emulator.
  const stack = await startStack({
    jsonData: (emulator): ChoreoOptions => ({
      ...provisioned.jsonData,
      tokenUrl: emulator.tokenUrl,
      apiUrl: emulator.apiUrl,
    }),
    secret: (provisioned.secureJsonData as Record<string, string> | undefined)?.consumerSecret ?? null,
    datasource: { id: 1, uid: provisioned.uid, name: provisioned.name },
  });
  const { proxy } = stack;

  let failures = 0;
  try {
    for (const { file, json } of loadDashboards()) {
      for (const result of await runDashboard(stack.dataSource(), json)) {
        failures += result.ok ? 0 : 1;
        const { id, title, type } = result.panel;
        console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${file} #${id} ${title} [${type}]: ${result.detail}`);
      }
    }
    if (proxy.stats.unmatchedRequests > 0) {
      console.log(`FAIL ${proxy.stats.unmatchedRequests} request(s) matched no plugin.json route`);
      failures += 1;
    }
  } finally {
    await stack.close();
  }
  return failures;
}

async function main(): Promise<number> {
  const problems = staticProblems();
  for (const problem of problems) {
    console.log(`FAIL static: ${problem}`);
  }
  console.log(`static: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
  if (process.argv.includes('--static')) {
    return problems.length > 0 ? 1 : 0;
  }
  const failures = await dynamicFailures();
  console.log(`panels: ${failures === 0 ? 'ok' : `${failures} failed`}`);
  return problems.length > 0 || failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);

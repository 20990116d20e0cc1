/**
 * Writes one type-check module per dashboard into testing/ship/generated/, then
 * `npx tsc --noEmit -p testing/ship` checks them against @grafana/schema and src/types.ts.
 * Run: npx tsx testing/ship/generateDashboardTypes.ts
 */
// lib/dashboards.ts reads the catalog, whose GraphQL documents load as text.
import '../node/registerGraphqlFiles';

import fs from 'node:fs';
import path from 'node:path';

import { GENERATED_DIR, generatedFileName, renderDashboardTypeModule } from './lib/dashboardTypes';
import { loadDashboards } from './lib/dashboards';
import { repoPath } from './lib/repo';

export function generateDashboardTypes(): string[] {
  const dir = repoPath(GENERATED_DIR);
  // Start empty so a deleted dashboard leaves no stale module behind.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return loadDashboards().map((dashboard) => {
    const out = path.join(dir, generatedFileName(dashboard.file));
    fs.writeFileSync(out, renderDashboardTypeModule(dashboard));
    return out;
  });
}

if (require.main === module) {
  for (const file of generateDashboardTypes()) {
    console.log(path.relative(process.cwd(), file));
  }
}

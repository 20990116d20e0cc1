/** @jest-environment node */
import fs from 'node:fs';

import { isRecord, listFiles, readJson, readYaml, repoPath } from './lib/repo';

interface Workflow {
  on?: unknown;
  jobs?: Record<string, { steps?: Array<{ run?: string; uses?: string }> }>;
}

const workflows = listFiles('.github/workflows', /\.ya?ml$/);
const runLines = (wf: Workflow) =>
  Object.values(wf.jobs ?? {}).flatMap((job) => (job.steps ?? []).flatMap((s) => (s.run ? s.run.split('\n') : [])));

describe('GitHub workflows', () => {
  it.each(workflows)('%s parses and has jobs with steps', (file) => {
    const wf = readYaml<Workflow>(file);
    expect(wf.on).toBeDefined();
    expect(isRecord(wf.jobs) && Object.keys(wf.jobs).length > 0).toBe(true);
  });

  it('only runs npm scripts that package.json defines', () => {
    const scripts = Object.keys(readJson<{ scripts: Record<string, string> }>('package.json').scripts);
    const used = workflows
      .flatMap((f) => runLines(readYaml<Workflow>(f)))
      .flatMap((l) => [...l.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
    expect(used.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('only runs repository scripts and tsconfigs that exist', () => {
    const lines = workflows.flatMap((f) => runLines(readYaml<Workflow>(f)));
    const paths = lines.flatMap((l) =>
      [...l.matchAll(/(?:tsx|-p) ((?:scripts|testing|tests)[\w./-]*)/g)].map((m) => m[1])
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !fs.existsSync(repoPath(p)))).toEqual([]);
  });
});

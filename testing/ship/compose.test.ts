/** @jest-environment node */
import { bindMounts, checkCompose, loadCompose } from './lib/compose';

describe('docker-compose.yaml', () => {
  it('parses, and its mounts, build context, Dockerfile and wiring match the repository', () => {
    expect(checkCompose(loadCompose())).toEqual([]);
  });

  it('mounts the dashboards from src/dashboards, their one source of truth', () => {
    expect(bindMounts(loadCompose()).map((m) => m.source)).toContain('./src/dashboards');
  });
});

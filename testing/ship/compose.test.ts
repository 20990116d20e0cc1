/** @jest-environment node */
import { bindMounts, checkCompose, loadCompose, type ComposeFile } from './lib/compose';

describe('docker-compose.yaml', () => {
  it('parses, and its mounts, build context, Dockerfile and wiring match the repository', () => {
    expect(checkCompose(loadCompose())).toEqual([]);
  });

  it('mounts the dashboards from src/dashboards, their one source of truth', () => {
    expect(bindMounts(loadCompose()).map((m) => m.source)).toContain('./src/dashboards');
  });

  it('mounts each provisioning folder (alerting included) read-only, never provisioning/ as a whole', () => {
    const grafana = bindMounts(loadCompose()).filter((m) => m.target.startsWith('/etc/grafana/provisioning'));
    expect(grafana.map((m) => [m.source, m.target, m.readOnly])).toEqual([
      ['./provisioning/datasources', '/etc/grafana/provisioning/datasources', true],
      ['./provisioning/dashboards', '/etc/grafana/provisioning/dashboards', true],
      ['./provisioning/alerting', '/etc/grafana/provisioning/alerting', true],
    ]);
  });

  it('reports a mount over /etc/grafana/provisioning, which hides the image own folders', () => {
    const compose: ComposeFile = structuredClone(loadCompose());
    const grafana = compose.services.grafana;
    grafana.volumes = [
      ...(grafana.volumes as string[]).filter((v) => !v.includes('/etc/grafana/provisioning')),
      './provisioning:/etc/grafana/provisioning:ro',
    ];
    const problems = checkCompose(compose).join('\n');
    expect(problems).toMatch(/mount the provisioning subfolders/);
    expect(problems).toMatch(/provisioning\/alerting must be mounted at \/etc\/grafana\/provisioning\/alerting/);
  });
});

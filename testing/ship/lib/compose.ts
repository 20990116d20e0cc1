import fs from 'node:fs';
import path from 'node:path';

import { isRecord, PLUGIN_ID, readYaml, REPO_ROOT } from './repo';

export const COMPOSE_FILE = 'docker-compose.yaml';
export const GRAFANA_SERVICE = 'grafana';
export const EMULATOR_SERVICE = 'choreo-emulator';

/** Provisioning folders mounted one by one into the Grafana image's /etc/grafana/provisioning. */
export const PROVISIONING_FOLDERS = ['datasources', 'dashboards', 'alerting'] as const;

/** Host paths produced by the build: they need not exist in a fresh checkout. */
const BUILD_OUTPUTS = new Set(['dist']);

export interface BindMount {
  service: string;
  source: string;
  target: string;
  readOnly: boolean;
}

export interface ComposeFile {
  services: Record<string, Record<string, unknown>>;
}

export function loadCompose(): ComposeFile {
  const doc = readYaml<unknown>(COMPOSE_FILE);
  if (!isRecord(doc) || !isRecord(doc.services)) {
    throw new Error(`${COMPOSE_FILE}: no services`);
  }
  return doc as unknown as ComposeFile;
}

/** Short-syntax bind mounts (`./host:/container[:ro]`); named volumes are not host paths. */
export function bindMounts(compose: ComposeFile): BindMount[] {
  const mounts: BindMount[] = [];
  for (const [service, def] of Object.entries(compose.services)) {
    const volumes = Array.isArray(def.volumes) ? def.volumes : [];
    for (const volume of volumes) {
      if (typeof volume !== 'string') {
        continue;
      }
      const [source, target, mode = ''] = volume.split(':');
      if (source.startsWith('.') || source.startsWith('/')) {
        mounts.push({ service, source, target, readOnly: mode.split(',').includes('ro') });
      }
    }
  }
  return mounts;
}

export function environmentOf(def: Record<string, unknown>): Record<string, string> {
  const env = def.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const i = entry.indexOf('=');
        return [entry.slice(0, i), entry.slice(i + 1)];
      })
    );
  }
  return isRecord(env) ? Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) : {};
}

/** Every problem found in docker-compose.yaml; empty when it is consistent with the repository. */
export function checkCompose(compose: ComposeFile = loadCompose()): string[] {
  const problems: string[] = [];
  const grafana = compose.services[GRAFANA_SERVICE];
  const emulator = compose.services[EMULATOR_SERVICE];
  if (!grafana || !emulator) {
    return [`services ${GRAFANA_SERVICE} and ${EMULATOR_SERVICE} are required`];
  }

  for (const mount of bindMounts(compose)) {
    const rel = path.posix.normalize(mount.source);
    if (!BUILD_OUTPUTS.has(rel) && !fs.existsSync(path.join(REPO_ROOT, rel))) {
      problems.push(`${mount.service}: mounted path ${mount.source} does not exist`);
    }
  }

  const build = emulator.build;
  if (!isRecord(build) || typeof build.context !== 'string') {
    problems.push(`${EMULATOR_SERVICE}: build.context is required`);
  } else {
    const context = path.join(REPO_ROOT, build.context);
    const dockerfile = path.join(context, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
    if (!fs.existsSync(context)) {
      problems.push(`${EMULATOR_SERVICE}: build context ${build.context} does not exist`);
    }
    if (!fs.existsSync(dockerfile)) {
      problems.push(`${EMULATOR_SERVICE}: Dockerfile ${path.relative(REPO_ROOT, dockerfile)} does not exist`);
    }
  }
  if (!isRecord(emulator.healthcheck) || !Array.isArray(emulator.healthcheck.test)) {
    problems.push(`${EMULATOR_SERVICE}: healthcheck.test is required`);
  }

  const image = String(grafana.image ?? '');
  if (!/^\$\{GRAFANA_IMAGE:-[^}]+\}:\$\{GRAFANA_VERSION:-\d+\.\d+\.\d+\}$/.test(image)) {
    problems.push(`${GRAFANA_SERVICE}: image must be \${GRAFANA_IMAGE:-...}:\${GRAFANA_VERSION:-x.y.z}, got ${image}`);
  }
  const targets = new Map(bindMounts(compose).map((m) => [m.target, m.source]));
  if (path.posix.normalize(targets.get(`/var/lib/grafana/plugins/${PLUGIN_ID}`) ?? '') !== 'dist') {
    problems.push(`${GRAFANA_SERVICE}: dist/ must be mounted at /var/lib/grafana/plugins/${PLUGIN_ID}`);
  }
  // Each folder on its own: a mount over /etc/grafana/provisioning itself hides the image's
  // plugins/ and alerting/ folders, and Grafana logs an error for each.
  if (targets.has('/etc/grafana/provisioning')) {
    problems.push(
      `${GRAFANA_SERVICE}: mount the provisioning subfolders, not provisioning/ over /etc/grafana/provisioning`
    );
  }
  for (const folder of PROVISIONING_FOLDERS) {
    const target = `/etc/grafana/provisioning/${folder}`;
    if (path.posix.normalize(targets.get(target) ?? '') !== `provisioning/${folder}`) {
      problems.push(`${GRAFANA_SERVICE}: provisioning/${folder} must be mounted at ${target}`);
    }
  }
  for (const mount of bindMounts(compose).filter((m) => m.target.startsWith('/etc/grafana/'))) {
    if (!mount.readOnly) {
      problems.push(`${mount.service}: ${mount.source} must be mounted read-only (:ro)`);
    }
  }
  const unsigned = environmentOf(grafana).GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS ?? '';
  if (!unsigned.split(',').includes(PLUGIN_ID)) {
    problems.push(`${GRAFANA_SERVICE}: GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS must list ${PLUGIN_ID}`);
  }
  const dependsOn = grafana.depends_on;
  if (!isRecord(dependsOn) || !isRecord(dependsOn[EMULATOR_SERVICE])) {
    problems.push(`${GRAFANA_SERVICE}: must depend on ${EMULATOR_SERVICE}`);
  } else if (dependsOn[EMULATOR_SERVICE].condition !== 'service_healthy') {
    problems.push(`${GRAFANA_SERVICE}: must wait for ${EMULATOR_SERVICE} to be healthy`);
  }
  return problems;
}

/** Container path -> repository path, for checking where provisioning points inside Grafana. */
export function containerToRepoPath(compose: ComposeFile, containerPath: string): string | undefined {
  for (const mount of bindMounts(compose)) {
    if (containerPath === mount.target || containerPath.startsWith(`${mount.target}/`)) {
      return path.posix.join(path.posix.normalize(mount.source), containerPath.slice(mount.target.length));
    }
  }
  return undefined;
}

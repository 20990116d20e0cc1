#!/usr/bin/env bash
# `npm run server`: build the plugin, then start Grafana + the Choreo emulator with docker compose.
# Without a running Docker engine it starts the sandbox instead (sandbox/server.ts --demo): the
# plugin's real config page, query editor and provisioned dashboards against the emulator, with
# the demo credentials already saved. It prints its URL when it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "Docker was not found (no running Docker engine): the Grafana stack is not started; starting the sandbox with the demo credentials instead."
  # --demo: the data source is saved with the emulator's demo credentials, so every tab has data.
  # docker compose's arguments ("$@") mean nothing to the sandbox and are not passed on.
  exec npx --no-install tsx sandbox/server.ts --demo
fi

npm run build
# Grafana runs in a Linux container: it needs the Linux backend binary of the Docker engine's
# architecture (arm64 on Apple silicon, whatever this machine is), next to plugin.json in dist/.
docker_arch=$(docker version --format '{{.Server.Arch}}')
npx tsx scripts/buildBackend.ts --target "linux/${docker_arch}"
echo "Starting Grafana on http://localhost:3000 (anonymous admin) with the Choreo emulator; dashboards are under Dashboards → Choreo Insights."
exec docker compose up --build "$@"

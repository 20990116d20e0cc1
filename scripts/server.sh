#!/usr/bin/env bash
# `npm run server`: build the plugin, then start Grafana + the Choreo emulator with docker compose.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "npm run server needs a running Docker engine (none found); run 'npm run sandbox' for the plugin's UI against the emulator without Docker."
  exit 1
fi

npm run build
# Grafana runs in a Linux container: it needs the Linux backend binary of the Docker engine's
# architecture (arm64 on Apple silicon, whatever this machine is), next to plugin.json in dist/.
docker_arch=$(docker version --format '{{.Server.Arch}}')
npx tsx scripts/buildBackend.ts --target "linux/${docker_arch}"
echo "Starting Grafana on http://localhost:3000 (anonymous admin) with the Choreo emulator; dashboards are under Dashboards → Choreo Insights."
exec docker compose up --build "$@"

#!/usr/bin/env bash
# Runs OpenMetrics on this machine: Azurite (installed from npm on first run, with the dashboard's build tools) and the local host, which serves the
# logging API, the query API and the dashboard on http://localhost:7071 (OPENMETRICS_PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
# Azurite, and esbuild with Chart.js for the dashboard's build (done here, once, rather than by two projects building at once).
[ -x node_modules/.bin/azurite ] && [ -x node_modules/.bin/esbuild ] && [ -d node_modules/chart.js ] || npm ci --no-audit --no-fund
exec dotnet run --project LocalHost -c Release -- "$@"

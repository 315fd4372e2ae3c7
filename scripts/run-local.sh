#!/usr/bin/env bash
# Runs OpenMetrics on this machine: Azurite (installed from npm on first run) and the local host, which serves the
# logging API, the query API and the dashboard on http://localhost:7071 (OPENMETRICS_PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund
exec dotnet run --project LocalHost -c Release -- "$@"

#!/usr/bin/env bash
# Runs every test: unit tests, and end-to-end tests that start their own Azurite on free ports (and Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
# Azurite, and esbuild with Chart.js for the dashboard's build (done here, once, rather than by two projects building at once).
[ -x node_modules/.bin/azurite ] && [ -x node_modules/.bin/esbuild ] && [ -d node_modules/chart.js ] || npm ci --no-audit --no-fund
# The browser client's tests drive Debian's Chromium (Playwright cannot download a browser here).
if [ -z "${OPENMETRICS_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update && $sudo apt-get install -y chromium
fi
log=$(mktemp)
status=0
dotnet test OpenMetrics.sln -c Release 2>&1 | tee "$log" || status=$?
# One plain closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"

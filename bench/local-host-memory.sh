#!/usr/bin/env bash
# Measures the local host's resident memory: idle after start, then after 2,000 /v1/events calls of 50 events,
# then idle again. Azurite (a separate node process) is started by the host itself and not counted.
# Usage: bench/local-host-memory.sh   (port 7199 unless OPENMETRICS_PORT is set)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${OPENMETRICS_PORT:-7199}
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund
dotnet build -c Release LocalHost >/dev/null
log=$(mktemp)
OPENMETRICS_PORT=$port dotnet LocalHost/bin/Release/net10.0/LocalHost.dll >"$log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null; wait $host_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do curl -fs "http://localhost:$port/v1/ping" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$host_pid/status"; }
sleep 5
echo "idle after start:        $(rss)"
body=$(python3 -c 'import json; print(json.dumps({"sessionId": "mem", "events": [{"name": "page_view", "props": {"path": "/p/%d" % i, "plan": "pro"}} for i in range(50)]}))')
start=$(date +%s.%N)
for _ in $(seq 1 2000); do
  curl -fs -X POST "http://localhost:$port/v1/events" -H 'Content-Type: application/json' -d "$body" >/dev/null
done
end=$(date +%s.%N)
echo "after 2,000 calls:       $(rss)  ($(python3 -c "print(f'{2000 / ($end - $start):.0f} calls/s with one sequential curl per call')"))"
sleep 10
echo "idle 10 s later:         $(rss)"

#!/bin/sh
# azd's postprovision hook (azure.yaml). The first provision of an environment creates the apps' role assignments, and
# storage honours a new one only after a minute or so: an `azd deploy` right away can get 403 uploading a package
# (azure-dev issue 8026), and the query app can start before its Key Vault reference resolves. So on the first
# provision this waits, a bounded time, and records in the azd environment that it did; later provisions go straight on.
# OPENMETRICS_ROLE_WAIT_SECONDS changes the wait (0: none). docs/deploy.md, "Hooks".
set -eu

if [ "${OPENMETRICS_ROLES_SETTLED:-}" = "true" ]; then
  echo "Role assignments of this environment took effect on an earlier provision; no wait."
  exit 0
fi

wait_seconds="${OPENMETRICS_ROLE_WAIT_SECONDS:-90}"
case "$wait_seconds" in
  ''|*[!0-9]*) echo "OPENMETRICS_ROLE_WAIT_SECONDS must be a whole number of seconds, not '$wait_seconds'." >&2; exit 1 ;;
esac
if [ "$wait_seconds" -gt 600 ]; then
  wait_seconds=600
fi

echo "First provision of this environment: waiting ${wait_seconds} s for the new role assignments to take effect..."
sleep "$wait_seconds"
azd env set OPENMETRICS_ROLES_SETTLED true
echo "Done. Should a first 'azd deploy' still answer 403, run 'azd deploy' again in a minute."

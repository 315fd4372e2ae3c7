# azd's postprovision hook on Windows (azure.yaml): the same as wait-for-roles.sh, which explains why it waits.
$ErrorActionPreference = 'Stop'

if ($env:OPENMETRICS_ROLES_SETTLED -eq 'true') {
    Write-Output 'Role assignments of this environment took effect on an earlier provision; no wait.'
    exit 0
}

$waitSeconds = 90
if ($env:OPENMETRICS_ROLE_WAIT_SECONDS) {
    if ($env:OPENMETRICS_ROLE_WAIT_SECONDS -notmatch '^[0-9]+$') {
        throw "OPENMETRICS_ROLE_WAIT_SECONDS must be a whole number of seconds, not '$($env:OPENMETRICS_ROLE_WAIT_SECONDS)'."
    }
    $waitSeconds = [Math]::Min([int]$env:OPENMETRICS_ROLE_WAIT_SECONDS, 600)
}

Write-Output "First provision of this environment: waiting $waitSeconds s for the new role assignments to take effect..."
Start-Sleep -Seconds $waitSeconds
azd env set OPENMETRICS_ROLES_SETTLED true
if ($LASTEXITCODE -ne 0) { throw 'azd env set failed.' }
Write-Output "Done. Should a first 'azd deploy' still answer 403, run 'azd deploy' again in a minute."

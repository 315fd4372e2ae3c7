// Everything `azd up` provisions for OpenMetrics: one resource group with the data storage, the hosts' storage,
// monitoring, the Key Vault of the query key, and the three function apps, each on its own Flex Consumption plan
// with its own identity. Identity-based connections only: no account key or connection string anywhere.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the unique resource names.')
param environmentName string

// The regions of the azd Flex Consumption quickstarts: azd offers only these, so a region without Flex Consumption
// cannot be picked and fail halfway through the first provision.
@minLength(1)
@description('Azure region of every resource: one that offers Flex Consumption.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user running azd (set by azd); it may read the query key. Empty for none.')
param principalId string = ''

@description('Whether principalId is a User or a ServicePrincipal (a CI pipeline).')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@secure()
@minLength(16)
@description('The query key for /api/* and the dashboard. azd generates one on the first `azd up` and keeps it in the environment, so later provisions keep the same key.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param queryKey string

@secure()
@minLength(16)
@description('The project write key that clients of /v1/* send (public, like a project token: it sits in every page that logs). azd generates one on the first `azd up` and keeps it in the environment.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
      noSpecial: true
    }
  }
})
param writeKey string

@description('Whether the ingest refuses calls without a valid write key (401). Off, the original clients, which send none, keep working.')
param requireWriteKey bool = false

@description('During a write key rotation, the Key Vault version of the previous key, which stays valid too; empty otherwise (docs/deploy.md, "The write key: turning it on, rotating it").')
param previousWriteKeyVersion string = ''

@description('Memory of each function instance in MB (512, 2048 or 4096); compute is billed per GB-second of it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('NCRONTAB schedule (UTC, seconds first) of the snapshots of saved funnels and retentions whose numbers can still change.')
param snapshotRecentSchedule string = '0 */15 * * * *'

@description('NCRONTAB schedule (UTC, seconds first) of the snapshots of every saved funnel and retention.')
param snapshotFullSchedule string = '0 30 3 * * *'

@description('Client id of the Entra ID app registration people sign in to the dashboard with (docs/deploy.md, "Signing in"). Empty: no sign-in, the query key is the only way in.')
param signInClientId string = ''

@description('Object id of the Entra group whose members may change things once sign-in is on. Empty: everyone signed in may.')
param signInWriterGroup string = ''

@description('NCRONTAB schedule (UTC, seconds first) of data retention: finishing user deletions left half-way, deleting raw events past rawEventRetentionDays.')
param dataRetentionSchedule string = '0 15 4 * * *'

@description('NCRONTAB schedule (UTC, seconds first) of alert evaluation: each run checks the alerts whose last complete hour or day has not been checked yet.')
param alertsSchedule string = '0 */5 * * * *'

@description('Days raw events and sessions are kept; 0 keeps them forever. Pre-aggregates are always kept (docs/reliability.md).')
@minValue(0)
param rawEventRetentionDays int = 0

@description('Where the aggregate and query apps may read metrics for metric sources (docs/imports.md): resourceGroup (Monitoring Reader on this resource group, Log Analytics Reader on its workspace) or subscription (both roles on the whole subscription, for sources over resources elsewhere).')
@allowed([
  'resourceGroup'
  'subscription'
])
param metricSourcesScope string = 'resourceGroup'

@description('Whether the premade service-health source (requests, failures and p95 duration of the three apps, from this deployment\'s Application Insights) is on.')
param serviceHealthSource bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names known before deployment: passing them (rather than module outputs) to the identity modules keeps the
// role assignments' ids predictable, so what-if shows them exactly.
var hostStorageName = 'sthost${resourceToken}'
var dataStorageName = 'stdata${resourceToken}'
var workspaceName = 'log-${resourceToken}'
var appInsightsName = 'appi-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var queryAppName = 'func-query-${resourceToken}'
var queryKeySecretName = 'openmetrics-query-key'
var writeKeySecretName = 'openmetrics-write-key'
var services = [
  'ingest'
  'aggregate'
  'query'
]

// Built-in role definition ids. The names are in the comments; docs/deploy.md says why each app holds each role.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var monitoringReader = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
var logAnalyticsReader = '73c42c96-874c-492b-b04d-ab87d138a893'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  name: 'data-storage'
  scope: rg
  params: {
    name: dataStorageName
    location: location
    tags: tags
  }
}

module hostStorage 'modules/host-storage.bicep' = {
  name: 'host-storage'
  scope: rg
  params: {
    name: hostStorageName
    location: location
    tags: tags
    packageContainers: [for service in services: 'package-${service}']
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    queryKeySecretName: queryKeySecretName
    queryKey: queryKey
    writeKeySecretName: writeKeySecretName
    writeKey: writeKey
    readerPrincipalId: principalId
    readerPrincipalType: principalType
  }
}

// The identities. Every app runs a Functions host, which keeps its leases and timer state in the host account
// (Storage Blob Data Owner, as identity-based AzureWebJobsStorage requires), and sends telemetry to Application
// Insights with Entra ID (Monitoring Metrics Publisher).

module ingestIdentity 'modules/app-identity.bicep' = {
  name: 'identity-ingest'
  scope: rg
  params: {
    name: 'id-ingest-${resourceToken}'
    location: location
    tags: tags
    hostStorageName: hostStorageName
    hostStorageRoleIds: [storageBlobDataOwner]
    dataStorageName: dataStorageName
    // Queue and blob Contributor, not Message Sender: IngestQueue creates the queue and the claim container on
    // first use. Table Contributor: RejectionLog writes (and creates) IngestRejections.
    dataStorageRoleIds: [storageQueueDataContributor, storageBlobDataContributor, storageTableDataContributor]
    appInsightsName: appInsightsName
    appInsightsRoleIds: [monitoringMetricsPublisher]
    workspaceName: workspaceName
    keyVaultName: keyVaultName
    keyVaultSecretName: writeKeySecretName
    // The Key Vault reference of the write key, on that one secret only.
    keyVaultSecretRoleIds: [keyVaultSecretsUser]
  }
  dependsOn: [
    hostStorage
    dataStorage
    monitoring
    keyVault
  ]
}

module aggregateIdentity 'modules/app-identity.bicep' = {
  name: 'identity-aggregate'
  scope: rg
  params: {
    name: 'id-aggregate-${resourceToken}'
    location: location
    tags: tags
    hostStorageName: hostStorageName
    hostStorageRoleIds: [storageBlobDataOwner]
    dataStorageName: dataStorageName
    // Queue Contributor: the queue trigger reads and deletes messages and moves poison ones, creating the poison
    // queue if needed. Blob Contributor: claim checks are read, and deleted once processed. Table
    // Contributor: raw events, pre-aggregates and snapshots.
    dataStorageRoleIds: [storageQueueDataContributor, storageBlobDataContributor, storageTableDataContributor]
    appInsightsName: appInsightsName
    appInsightsRoleIds: [monitoringMetricsPublisher]
    workspaceName: workspaceName
    // Metric sources (the timer): Azure Monitor metrics of the resources here, and Log Analytics queries.
    workspaceRoleIds: [logAnalyticsReader]
    resourceGroupRoleIds: [monitoringReader]
    keyVaultName: keyVaultName
    keyVaultSecretName: queryKeySecretName
  }
  dependsOn: [
    hostStorage
    dataStorage
    monitoring
    keyVault
  ]
}

module queryIdentity 'modules/app-identity.bicep' = {
  name: 'identity-query'
  scope: rg
  params: {
    name: 'id-query-${resourceToken}'
    location: location
    tags: tags
    hostStorageName: hostStorageName
    hostStorageRoleIds: [storageBlobDataOwner]
    dataStorageName: dataStorageName
    // Table Contributor: the query API reads every table and writes its own, saved definitions (segments,
    // funnels, retentions, metrics, dashboards), the snapshots of on-demand funnels and retentions, and `Imports`.
    // Blob and Queue Contributor: an import's upload writes its chunk blobs to `imports` and queues one message per
    // chunk on `imports` (docs/imports.md).
    dataStorageRoleIds: [storageQueueDataContributor, storageBlobDataContributor, storageTableDataContributor]
    appInsightsName: appInsightsName
    appInsightsRoleIds: [monitoringMetricsPublisher]
    workspaceName: workspaceName
    // Metric sources: POST /api/sources/{id}/test and /run pull from the query app itself, read-only as the timer.
    workspaceRoleIds: [logAnalyticsReader]
    resourceGroupRoleIds: [monitoringReader]
    keyVaultName: keyVaultName
    keyVaultSecretName: queryKeySecretName
    // The Key Vault reference of OPENMETRICS_QUERY_KEY, on that one secret only.
    keyVaultSecretRoleIds: [keyVaultSecretsUser]
  }
  dependsOn: [
    hostStorage
    dataStorage
    monitoring
    keyVault
  ]
}

// metricSourcesScope = subscription: the two reader roles of metric sources on the whole subscription, for both apps
// that pull. Names from the identities' names (known before deployment), so that what-if shows them.
var metricSourceReaders = metricSourcesScope == 'subscription'
  ? [
      { app: 'aggregate', roleId: monitoringReader }
      { app: 'aggregate', roleId: logAnalyticsReader }
      { app: 'query', roleId: monitoringReader }
      { app: 'query', roleId: logAnalyticsReader }
    ]
  : []

resource subscriptionMetricReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for reader in metricSourceReaders: {
    name: guid(subscription().id, 'id-${reader.app}-${resourceToken}', reader.roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', reader.roleId)
      principalId: reader.app == 'aggregate' ? aggregateIdentity.outputs.principalId : queryIdentity.outputs.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The apps. Settings are written out in full per app so that a reader sees exactly what each one gets.
// Logging__ApplicationInsights__LogLevel__OpenMetrics: the Application Insights SDK keeps only warnings of the worker's
// logs unless configuration says otherwise. The apps' own Information lines (the queue lag of docs/deploy.md among them)
// are let through; other libraries stay at warnings.

module ingestApp 'modules/function-app.bicep' = {
  name: 'app-ingest'
  scope: rg
  params: {
    name: 'func-ingest-${resourceToken}'
    planName: 'plan-ingest-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'ingest'
    identityId: ingestIdentity.outputs.id
    packageBlobServiceUri: hostStorage.outputs.blobServiceUri
    packageContainer: 'package-ingest'
    instanceMemoryMB: instanceMemoryMB
    // Any page may log events; the v1 routes need a write key only when requireWriteKey is on.
    allowedOrigins: ['*']
    appSettings: {
      AzureWebJobsStorage__accountName: hostStorage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: ingestIdentity.outputs.clientId
      OpenMetricsStorage__accountName: dataStorage.outputs.name
      OpenMetricsStorage__queueServiceUri: dataStorage.outputs.queueServiceUri
      OpenMetricsStorage__tableServiceUri: dataStorage.outputs.tableServiceUri
      OpenMetricsStorage__blobServiceUri: dataStorage.outputs.blobServiceUri
      OpenMetricsStorage__credential: 'managedidentity'
      OpenMetricsStorage__clientId: ingestIdentity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${ingestIdentity.outputs.clientId};Authorization=AAD'
      OpenMetrics__Ingest__RequireWriteKey: string(requireWriteKey)
      OpenMetrics__Ingest__WriteKeys__0: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.writeKeySecretUri})'
      // Empty is no key: only during a rotation does the previous version stay valid.
      OpenMetrics__Ingest__WriteKeys__1: empty(previousWriteKeyVersion)
        ? ''
        : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.writeKeySecretUri}/${previousWriteKeyVersion})'
      Logging__ApplicationInsights__LogLevel__OpenMetrics: 'Information'
    }
  }
}

module aggregateApp 'modules/function-app.bicep' = {
  name: 'app-aggregate'
  scope: rg
  params: {
    name: 'func-aggregate-${resourceToken}'
    planName: 'plan-aggregate-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'aggregate'
    identityId: aggregateIdentity.outputs.id
    packageBlobServiceUri: hostStorage.outputs.blobServiceUri
    packageContainer: 'package-aggregate'
    instanceMemoryMB: instanceMemoryMB
    appSettings: {
      AzureWebJobsStorage__accountName: hostStorage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: aggregateIdentity.outputs.clientId
      OpenMetricsStorage__accountName: dataStorage.outputs.name
      OpenMetricsStorage__queueServiceUri: dataStorage.outputs.queueServiceUri
      OpenMetricsStorage__tableServiceUri: dataStorage.outputs.tableServiceUri
      OpenMetricsStorage__blobServiceUri: dataStorage.outputs.blobServiceUri
      OpenMetricsStorage__credential: 'managedidentity'
      OpenMetricsStorage__clientId: aggregateIdentity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${aggregateIdentity.outputs.clientId};Authorization=AAD'
      Logging__ApplicationInsights__LogLevel__OpenMetrics: 'Information'
      OPENMETRICS_SNAPSHOT_RECENT_SCHEDULE: snapshotRecentSchedule
      OPENMETRICS_SNAPSHOT_FULL_SCHEDULE: snapshotFullSchedule
      OPENMETRICS_RETENTION_SCHEDULE: dataRetentionSchedule
      OPENMETRICS_ALERTS_SCHEDULE: alertsSchedule
      OpenMetrics__Retention__RawEventDays: string(rawEventRetentionDays)
      // The premade service-health source's workspace (docs/imports.md); empty turns it off.
      OPENMETRICS_SERVICE_HEALTH_WORKSPACE_ID: serviceHealthSource ? monitoring.outputs.workspaceId : ''
    }
  }
}

module queryApp 'modules/function-app.bicep' = {
  name: 'app-query'
  scope: rg
  params: {
    name: queryAppName
    planName: 'plan-query-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'query'
    identityId: queryIdentity.outputs.id
    packageBlobServiceUri: hostStorage.outputs.blobServiceUri
    packageContainer: 'package-query'
    instanceMemoryMB: instanceMemoryMB
    appSettings: {
      AzureWebJobsStorage__accountName: hostStorage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: queryIdentity.outputs.clientId
      OpenMetricsStorage__accountName: dataStorage.outputs.name
      OpenMetricsStorage__tableServiceUri: dataStorage.outputs.tableServiceUri
      OpenMetricsStorage__credential: 'managedidentity'
      OpenMetricsStorage__clientId: queryIdentity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${queryIdentity.outputs.clientId};Authorization=AAD'
      Logging__ApplicationInsights__LogLevel__OpenMetrics: 'Information'
      OPENMETRICS_QUERY_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.queryKeySecretUri})'
      OPENMETRICS_INGEST_URL: ingestApp.outputs.url
      // Trust App Service authentication's identity headers exactly when the module below turns it on.
      OpenMetrics__Query__PlatformSignIn: string(!empty(signInClientId))
      OpenMetrics__Query__WriterGroup: signInWriterGroup
      OPENMETRICS_SERVICE_HEALTH_WORKSPACE_ID: serviceHealthSource ? monitoring.outputs.workspaceId : ''
    }
  }
}

module querySignIn 'modules/sign-in.bicep' = if (!empty(signInClientId)) {
  name: 'sign-in-query'
  scope: rg
  params: {
    appName: queryAppName
    clientId: signInClientId
  }
  dependsOn: [
    queryApp
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_QUERY_KEY_SECRET string = keyVault.outputs.queryKeySecretName
output AZURE_KEY_VAULT_WRITE_KEY_SECRET string = keyVault.outputs.writeKeySecretName
output AZURE_STORAGE_ACCOUNT_NAME string = dataStorage.outputs.name
output INGEST_URL string = ingestApp.outputs.url
output QUERY_URL string = queryApp.outputs.url
output DASHBOARD_URL string = '${queryApp.outputs.url}/'

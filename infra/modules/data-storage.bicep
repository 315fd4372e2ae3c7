// The data storage account: the ingest and imports queues with their poison queues, the claim-check and import
// chunk containers and the tables
// (StorageNames in OpenMetrics.Core names them all). Keys are disabled: every app reaches it with its identity.

@description('Name of the storage account (3-24 lowercase letters and digits).')
param name string

@description('Azure region of the account.')
param location string

@description('Tags put on the account.')
param tags object

@description('Days a claim-check blob is kept: long enough for the poison queue to be replayed, short enough to cost nothing.')
param claimRetentionDays int = 365

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource ingestQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'ingest'
}

resource ingestPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'ingest-poison'
}

// One message per chunk of an import file (docs/imports.md); a chunk that kept failing goes to its poison queue.
resource importsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'imports'
}

resource importsPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'imports-poison'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource claimsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'ingest-claims'
  properties: {
    publicAccess: 'None'
  }
}

// Import files as uploaded, in NDJSON chunk blobs that the imports queue's messages name.
resource importsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'imports'
  properties: {
    publicAccess: 'None'
  }
}

// The aggregation deletes a claim check once its message is processed. This rule only sweeps the blobs left behind
// by a call whose enqueue failed after the upload (that call answered 503): a year, far beyond any pause of the
// aggregation or wait of a poison message, which must never lose their blob (docs/reliability.md).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-ingest-claims'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${claimsContainer.name}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: claimRetentionDays
                }
              }
            }
          }
        }
        {
          // A chunk is kept after it is counted, so that a redelivered or replayed message can still read it; after
          // as long as a claim check, nothing can come back for it.
          name: 'delete-import-chunks'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${importsContainer.name}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: claimRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource rejectionsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'IngestRejections'
}

// Metric points (imported, pulled by sources, pushed): the apps also create it on first use, as the other tables.
resource metricPointsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'MetricPoints'
}

// Metric sources: definitions and run state (the apps also create it on first use).
resource sourcesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'Sources'
}

// Alerts: definitions, state and crossings (the apps also create it on first use).
resource alertsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'Alerts'
}

// Annotations: the markers on every time chart (the query app also creates it on first use).
resource annotationsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'Annotations'
}

resource importsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'Imports'
}

output name string = account.name
output queueServiceUri string = account.properties.primaryEndpoints.queue
output tableServiceUri string = account.properties.primaryEndpoints.table
output blobServiceUri string = account.properties.primaryEndpoints.blob
output ingestQueueName string = ingestQueue.name
output ingestPoisonQueueName string = ingestPoisonQueue.name
output rejectionsTableName string = rejectionsTable.name
output metricPointsTableName string = metricPointsTable.name
output sourcesTableName string = sourcesTable.name

// The Key Vault that holds the query key and the ingest's write key. Access is Azure RBAC only (no access policies);
// each app reads its secret through a Key Vault reference in its app settings, so no key sits in an app's configuration.

@description('Name of the vault (3-24 letters, digits and dashes, globally unique).')
param name string

@description('Azure region of the vault.')
param location string

@description('Tags put on the vault.')
param tags object

@description('Name of the secret that holds the query key.')
param queryKeySecretName string

@secure()
@description('The query key that /api/* calls and the dashboard must present.')
param queryKey string

@description('Name of the secret that holds the ingest\'s write key.')
param writeKeySecretName string

@secure()
@description('The write key that /v1/* calls carry when the ingest requires one.')
param writeKey string

@description('Object id of a user or group that may read the query key and the write key (Key Vault Secrets User on the secret); empty for none.')
param readerPrincipalId string = ''

@description('Whether readerPrincipalId is a User, a Group or a ServicePrincipal.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param readerPrincipalType string = 'User'

// Key Vault Secrets User: read secret contents.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // The shortest soft-delete window, so that `azd down --purge` and a new `azd up` with the same name work.
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource querySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: queryKeySecretName
  properties: {
    value: queryKey
    contentType: 'text/plain'
  }
}

resource writeSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: writeKeySecretName
  properties: {
    value: writeKey
    contentType: 'text/plain'
  }
}

resource readerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(readerPrincipalId)) {
  scope: querySecret
  name: guid(querySecret.id, readerPrincipalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: readerPrincipalType
  }
}

// The person who deploys puts the write key into the pages and services that log.
resource writeKeyReaderAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(readerPrincipalId)) {
  scope: writeSecret
  name: guid(writeSecret.id, readerPrincipalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: readerPrincipalType
  }
}

output name string = vault.name
output queryKeySecretName string = querySecret.name
output queryKeySecretUri string = querySecret.properties.secretUri
output writeKeySecretName string = writeSecret.name
output writeKeySecretUri string = writeSecret.properties.secretUri

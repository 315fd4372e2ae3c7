// One function app's user-assigned identity and every role it holds. Each app has its own identity, so each gets
// exactly the roles its code needs, on the narrowest scope that works (see docs/deploy.md for the table).

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags put on the identity.')
param tags object

@description('Storage account of the Functions hosts and deployment packages.')
param hostStorageName string

@description('Role definition ids (GUIDs) the identity gets on the host storage account.')
param hostStorageRoleIds string[]

@description('The data storage account (queues, tables, claim checks).')
param dataStorageName string

@description('Role definition ids (GUIDs) the identity gets on the data storage account.')
param dataStorageRoleIds string[]

@description('Application Insights component the app sends telemetry to.')
param appInsightsName string

@description('Role definition ids (GUIDs) the identity gets on the Application Insights component.')
param appInsightsRoleIds string[]

@description('Log Analytics workspace that Log Analytics metric imports query.')
param workspaceName string

@description('Role definition ids (GUIDs) the identity gets on the Log Analytics workspace.')
param workspaceRoleIds string[] = []

@description('Role definition ids (GUIDs) the identity gets on the resource group (Azure Monitor metric imports).')
param resourceGroupRoleIds string[] = []

@description('Key Vault that holds the query key.')
param keyVaultName string

@description('Name of the secret in keyVaultName that the app reads through a Key Vault reference.')
param keyVaultSecretName string

@description('Role definition ids (GUIDs) the identity gets on that one secret.')
param keyVaultSecretRoleIds string[] = []

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: hostStorageName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataStorageName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource keyVaultSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: keyVault
  name: keyVaultSecretName
}

resource hostStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in hostStorageRoleIds: {
    scope: hostStorage
    name: guid(hostStorage.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource dataStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in dataStorageRoleIds: {
    scope: dataStorage
    name: guid(dataStorage.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appInsightsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appInsightsRoleIds: {
    scope: appInsights
    name: guid(appInsights.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource workspaceRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in workspaceRoleIds: {
    scope: workspace
    name: guid(workspace.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource resourceGroupRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in resourceGroupRoleIds: {
    name: guid(resourceGroup().id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource keyVaultSecretRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in keyVaultSecretRoleIds: {
    scope: keyVaultSecret
    name: guid(keyVaultSecret.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

// Log Analytics and workspace-based Application Insights. Local (key) authentication is off: telemetry is accepted
// only from identities holding Monitoring Metrics Publisher, so the connection string alone is not a credential.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags put on both resources.')
param tags object

@description('Days Log Analytics keeps data; 30 is included in the ingestion price, longer retention is billed.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output workspaceName string = workspace.name
// The workspace's id (a GUID) that the Log Analytics query API addresses it by: the premade service-health source's.
output workspaceId string = workspace.properties.customerId
output appInsightsName string = appInsights.name
output appInsightsConnectionString string = appInsights.properties.ConnectionString

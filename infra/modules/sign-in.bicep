// Entra ID sign-in on one app (App Service authentication, docs/deploy.md "Signing in"). Calls without a sign-in still
// reach the app, which checks the query key: scripts keep their key, and the dashboard offers the sign-in page itself.
// On the calls it signs in, the platform sets X-MS-CLIENT-PRINCIPAL, and it removes that header from what clients send.

@description('Name of the app that gets sign-in.')
param appName string

@description('Client id of the Entra ID app registration (single tenant, this tenant): its redirect URI is https://<app host>/.auth/login/aad/callback.')
param clientId string

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource signIn 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          // A script may also send an Entra ID token for the registration instead of the query key.
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      // The app reads only the identity headers; no provider token is kept.
      tokenStore: {
        enabled: false
      }
    }
  }
}

using System.Text.Json.Nodes;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// Entra ID sign-in on the query app (docs/deploy.md, "Signing in"): App Service authentication, configured by the
/// Bicep when an app registration's client id is given, and the settings that tell the app to trust its headers.
/// </summary>
public sealed class SignInTests
{
    private const string SignInModule = "sign-in-query";
    private const string SignInIsOn = "[not(empty(parameters('signInClientId')))]";

    [Fact]
    public async Task Without_a_client_id_nothing_of_sign_in_is_deployed()
    {
        var infra = await CompiledInfra.LoadAsync();
        var template = JsonNode.Parse(infra.Json)!;
        var module = infra.Root.ResourcesOfType("Microsoft.Resources/deployments").Single(resource => (string?)resource.Body["name"] == SignInModule);

        Assert.Equal("", (string?)template["parameters"]!["signInClientId"]!["defaultValue"]);
        Assert.Equal(SignInIsOn, (string?)module.Body["condition"]);
    }

    [Fact]
    public async Task The_query_app_trusts_the_identity_headers_exactly_when_authentication_is_deployed()
    {
        var app = (await CompiledInfra.LoadAsync()).App("query");

        Assert.Equal($"[string({SignInIsOn[1..^1]})]", (string?)app.Settings["OpenMetrics__Query__PlatformSignIn"]);
        Assert.Equal("[parameters('signInWriterGroup')]", (string?)app.Settings["OpenMetrics__Query__WriterGroup"]);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("aggregate")]
    public async Task The_other_apps_never_trust_identity_headers(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);

        Assert.DoesNotContain(app.Settings, pair => pair.Key.StartsWith("OpenMetrics__Query__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authentication_lets_calls_without_sign_in_through_to_the_query_key()
    {
        var infra = await CompiledInfra.LoadAsync();
        var module = infra.Deployment(SignInModule);
        var auth = Assert.Single(module.ResourcesOfType("Microsoft.Web/sites/config"));
        var properties = auth.Properties!;
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.Contains("'authsettingsV2'", (string)auth.Body["name"]!, StringComparison.Ordinal);
        Assert.True((bool)properties["platform"]!["enabled"]!);
        // Scripts keep their key, and the dashboard offers the sign-in page itself: no redirect for anyone.
        Assert.False((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.True((bool)entra["enabled"]!);
        Assert.Contains("parameters('signInClientId')", module.Expand(entra["registration"]!["clientId"]), StringComparison.Ordinal);
        Assert.Contains("tenant().tenantId", module.Expand(entra["registration"]!["openIdIssuer"]), StringComparison.Ordinal);
        // The site it configures is the query app's: both names come from the same variable of main.bicep.
        Assert.Contains("variables('queryAppName')", module.Expand("[parameters('appName')]"), StringComparison.Ordinal);
        Assert.Contains("variables('queryAppName')", infra.App("query").Deployment.Expand("[parameters('name')]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_query_app_gets_authentication()
    {
        var infra = await CompiledInfra.LoadAsync();
        var authSettings = infra.Root.SelfAndDescendants()
            .SelectMany(deployment => deployment.ResourcesOfType("Microsoft.Web/sites/config").Select(config => (deployment.Name, Config: config)))
            .Where(pair => ((string)pair.Config.Body["name"]!).Contains("'authsettingsV2'", StringComparison.Ordinal))
            .Select(pair => pair.Name);

        Assert.Equal([SignInModule], authSettings);
    }

    [Theory]
    [InlineData("signInClientId", "${OPENMETRICS_SIGNIN_CLIENT_ID}")]
    [InlineData("signInWriterGroup", "${OPENMETRICS_SIGNIN_WRITER_GROUP}")]
    public void Azd_passes_the_sign_in_settings_from_the_environment(string parameter, string value)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Infra, "main.parameters.json")))!;

        Assert.Equal(value, (string?)parameters["parameters"]![parameter]!["value"]);
    }
}

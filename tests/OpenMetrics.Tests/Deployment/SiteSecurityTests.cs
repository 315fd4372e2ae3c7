using System.Text.Json.Nodes;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// How each function app is hosted and reached: HTTPS only, TLS 1.2, no basic publishing credentials (which is what
/// closes FTP: <c>siteConfig.ftpsState</c> is deprecated on Flex Consumption and not set).
/// </summary>
public sealed class SiteSecurityTests
{
    public static TheoryData<string> Services() => ["ingest", "aggregate", "query"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task App_answers_HTTPS_only_with_TLS_1_2(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);
        var properties = app.Site.Properties!;

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.False(properties["siteConfig"]!.AsObject().ContainsKey("ftpsState"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task App_allows_no_basic_publishing_credentials(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);
        var policies = app.Deployment.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        // One policy for FTP and one for the scm (Kudu) site, both closed: azd deploys with an Entra ID token.
        Assert.Equal(["'ftp'", "'scm'"], policies.Select(policy => ((string)policy.Body["name"]!).Split(", ")[^1].TrimEnd(')', ']')).Order());
        Assert.All(policies, policy => Assert.False((bool)policy.Properties!["allow"]!));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task App_runs_dotnet_isolated_10_on_a_Flex_Consumption_plan_of_its_own(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);
        var plan = Assert.Single(app.Deployment.ResourcesOfType("Microsoft.Web/serverfarms"));
        var config = app.Site.Properties!["functionAppConfig"]!;

        Assert.Equal(("FC1", "FlexConsumption"), ((string?)plan.Body["sku"]!["name"], (string?)plan.Body["sku"]!["tier"]));
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)config["runtime"]!["name"], (string?)config["runtime"]!["version"]));
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public async Task Only_the_ingest_app_allows_any_origin()
    {
        var infra = await CompiledInfra.LoadAsync();

        string[] OriginsOf(string service)
        {
            var app = infra.App(service);
            var origins = app.Deployment.Resolve(app.Site.Properties!["siteConfig"]!["cors"]!["allowedOrigins"]) as JsonArray;
            return [.. (origins ?? []).Select(origin => (string)origin!)];
        }

        Assert.Equal(["*"], OriginsOf("ingest"));
        Assert.Empty(OriginsOf("aggregate"));
        Assert.Empty(OriginsOf("query"));
    }
}

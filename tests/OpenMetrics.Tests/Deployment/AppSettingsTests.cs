using OpenMetrics.Core.Functions;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// Every app setting the code of an app reads is deployed to that app, and every connection is identity-based.
/// The lists below follow the readers: StorageAccount.FromConfiguration (the data storage), the Functions host
/// (AzureWebJobsStorage, Application Insights) and Worker.ApplicationInsights (the authentication string).
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>The identity-based section StorageAccount.FromConfiguration reads, under the name the code uses.</summary>
    private static readonly string[] DataStorage =
        [$"{StorageNames.Connection}__accountName", $"{StorageNames.Connection}__credential", $"{StorageNames.Connection}__clientId"];

    /// <summary>The Functions host's own storage, identity-based.</summary>
    private static readonly string[] HostStorage =
        ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId"];

    /// <summary>The host and the worker send telemetry with Entra ID, as the app's identity.</summary>
    private static readonly string[] Telemetry =
        ["APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>
    /// The query key of /api/* (docs/query.md: in Azure, from app settings through a Key Vault reference). Deployed now,
    /// ahead of the query API that checks it, so that the key exists when the API does.
    /// </summary>
    private const string QueryKey = "OPENMETRICS_QUERY_KEY";

    /// <summary>The logging API's address, for the dashboard's getting-started snippet (the ingest app is another host).</summary>
    private const string IngestUrl = "OPENMETRICS_INGEST_URL";

    /// <summary>The premade service-health source's workspace: the timer runs it, the query app lists, tests and runs it.</summary>
    private const string ServiceHealthWorkspace = OpenMetrics.Core.Metrics.Sources.PremadeSources.WorkspaceSetting;

    /// <summary>The snapshot timers' schedules: a <c>%Setting%</c> the runtime cannot resolve keeps the function from starting.</summary>
    private static readonly string[] SnapshotSchedules = [.. Schedules.Defaults.Keys];

    public static TheoryData<string, string[]> SettingsEachAppReads() => new()
    {
        { "ingest", [.. HostStorage, .. DataStorage, .. Telemetry] },
        { "aggregate", [.. HostStorage, .. DataStorage, .. Telemetry, .. SnapshotSchedules, ServiceHealthWorkspace] },
        { "query", [.. HostStorage, .. DataStorage, .. Telemetry, QueryKey, IngestUrl, ServiceHealthWorkspace] },
    };

    [Theory]
    [MemberData(nameof(SettingsEachAppReads))]
    public async Task App_gets_every_setting_its_code_reads(string service, string[] expected)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);

        Assert.All(expected, name => Assert.True(app.Settings.ContainsKey(name), $"{service} lacks the setting {name}"));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("aggregate")]
    [InlineData("query")]
    public async Task Storage_connections_use_the_apps_own_managed_identity(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);

        foreach (var connection in new[] { "AzureWebJobsStorage", StorageNames.Connection })
        {
            // A value under the bare name would be a connection string, which the host and the code would prefer.
            Assert.False(app.Settings.ContainsKey(connection), $"{service} sets {connection} itself");
            Assert.Equal("managedidentity", (string?)app.Settings[$"{connection}__credential"]);
            Assert.Equal([app.IdentityDeployment], app.SourcesOf($"{connection}__clientId"));
        }
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("aggregate")]
    [InlineData("query")]
    public async Task Telemetry_is_sent_with_Entra_ID_as_the_apps_identity(string service)
    {
        var app = (await CompiledInfra.LoadAsync()).App(service);

        Assert.Contains("Authorization=AAD", app.Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal([app.IdentityDeployment], app.SourcesOf("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }

    [Theory]
    [InlineData(Schedules.SnapshotRecentSetting, "snapshotRecentSchedule")]
    [InlineData(Schedules.SnapshotFullSetting, "snapshotFullSchedule")]
    [InlineData(Schedules.DataRetentionSetting, "dataRetentionSchedule")]
    [InlineData(Schedules.AlertsSetting, "alertsSchedule")]
    public async Task Snapshot_schedules_deploy_from_parameters_whose_defaults_are_the_local_hosts(string setting, string parameter)
    {
        var infra = await CompiledInfra.LoadAsync();
        var template = System.Text.Json.Nodes.JsonNode.Parse(infra.Json)!;

        Assert.Equal(Schedules.Defaults[setting], (string?)template["parameters"]![parameter]!["defaultValue"]);
        Assert.Contains(parameter, infra.App("aggregate").Settings[setting]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_key_is_a_Key_Vault_reference_not_a_value()
    {
        var app = (await CompiledInfra.LoadAsync()).App("query");

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", app.Settings[QueryKey]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("aggregate")]
    [InlineData("query")]
    public async Task App_sets_nothing_that_Flex_Consumption_refuses(string service)
    {
        // Flex Consumption takes the runtime and the package from functionAppConfig and rejects these settings.
        var refused = new[]
        {
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_NODE_DEFAULT_VERSION",
        };
        var app = (await CompiledInfra.LoadAsync()).App(service);

        Assert.All(refused, name => Assert.False(app.Settings.ContainsKey(name), $"{service} sets {name}"));
    }
}

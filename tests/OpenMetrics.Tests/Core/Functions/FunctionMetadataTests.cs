using System.Text.Json;
using OpenMetrics.Apps.Functions;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// The Worker SDK writes functions.metadata at build time from the [Function] attributes; that file is what the
/// Functions host serves. Holding it to <see cref="FunctionCatalog"/> proves the local host serves the same routes,
/// polls the same queues and fires the same schedules.
/// </summary>
public sealed class FunctionMetadataTests
{
    public static TheoryData<string> Apps => new() { "Functions.Ingest", "Functions.Aggregate", "Functions.Query" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void Generated_metadata_lists_exactly_the_catalogs_http_functions_with_routes_and_methods(string app)
    {
        var generated = ReadHttpFunctions(app);
        var catalog = FunctionCatalog.Http
            .Where(f => $"Functions.{f.App}" == app)
            .Select(f => (f.Name, f.Route, Methods: string.Join(",", f.Methods.Select(m => m.ToLowerInvariant()).Order())))
            .OrderBy(f => f.Name)
            .ToList();

        Assert.Equal(catalog, generated);
    }

    [Fact]
    public void Ingest_app_declares_all_six_v1_routes_and_the_browser_client()
    {
        var routes = ReadHttpFunctions("Functions.Ingest").Select(f => f.Route).Order(StringComparer.Ordinal);

        Assert.Equal(["apis/javascript/client.js", "v1/createUser", "v1/events", "v1/ping", "v1/setSessionProps", "v1/setUserId", "v1/setUserProps"], routes);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Generated_metadata_lists_exactly_the_catalogs_queue_functions_with_queue_and_connection(string app)
    {
        var generated = ReadTriggers(app, "queueTrigger")
            .Select(t => (t.Name, Queue: t.Binding.GetProperty("queueName").GetString(), Connection: t.Binding.GetProperty("connection").GetString()))
            .ToList();
        var catalog = FunctionCatalog.Queues
            .Where(f => $"Functions.{f.App}" == app)
            .Select(f => (f.Name, Queue: (string?)f.Queue, Connection: (string?)StorageNames.Connection))
            .OrderBy(f => f.Name)
            .ToList();

        Assert.Equal(catalog, generated);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Generated_metadata_lists_exactly_the_catalogs_timer_functions_with_their_schedules(string app)
    {
        var generated = ReadTriggers(app, "timerTrigger")
            .Select(t => (t.Name, Schedule: t.Binding.GetProperty("schedule").GetString()))
            .ToList();
        var catalog = FunctionCatalog.Timers
            .Where(f => $"Functions.{f.App}" == app)
            .Select(f => (f.Name, Schedule: (string?)f.Schedule))
            .OrderBy(f => f.Name)
            .ToList();

        Assert.Equal(catalog, generated);
    }

    [Fact]
    public void The_aggregate_app_reads_the_ingest_and_imports_queues_and_compacts_every_minute()
    {
        var queues = ReadTriggers("Functions.Aggregate", "queueTrigger")
            .Select(queue => (queue.Name, queue.Binding.GetProperty("queueName").GetString(), queue.Binding.GetProperty("connection").GetString()))
            .OrderBy(queue => queue.Name, StringComparer.Ordinal);
        var timers = ReadTriggers("Functions.Aggregate", "timerTrigger").ToDictionary(t => t.Name, t => t.Binding.GetProperty("schedule").GetString());

        Assert.Equal([("ProcessImportChunk", "imports", "OpenMetricsStorage"), ("ProcessIngest", "ingest", "OpenMetricsStorage")], queues);
        Assert.Equal("0 */1 * * * *", timers["CompactAggregates"]);
    }

    [Fact]
    public void The_snapshot_timers_read_their_schedules_from_app_settings()
    {
        var timers = ReadTriggers("Functions.Aggregate", "timerTrigger").ToDictionary(t => t.Name, t => t.Binding.GetProperty("schedule").GetString());

        Assert.Equal("%OPENMETRICS_SNAPSHOT_RECENT_SCHEDULE%", timers["RefreshRecentSnapshots"]);
        Assert.Equal("%OPENMETRICS_SNAPSHOT_FULL_SCHEDULE%", timers["RefreshAllSnapshots"]);
        Assert.Equal("%OPENMETRICS_RETENTION_SCHEDULE%", timers["ApplyDataRetention"]);
        Assert.Equal("%OPENMETRICS_ALERTS_SCHEDULE%", timers["EvaluateAlerts"]);
    }

    [Fact]
    public void The_operator_routes_need_a_function_key()
    {
        var levels = ReadTriggers("Functions.Aggregate", "httpTrigger")
            .Select(t => (t.Name, Level: t.Binding.GetProperty("authLevel").GetString()));

        Assert.Equal([("DiscardPoison", "Function"), ("EvaluateAlertsNow", "Function"), ("ListPoison", "Function"), ("ReplayPoison", "Function")], levels);
    }

    [Fact]
    public void No_route_starts_with_a_segment_the_Functions_host_reserves()
    {
        // The host refuses to start a function whose route begins with admin (its own API) or runtime (its webhooks).
        var reserved = FunctionCatalog.Http.Where(f => f.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase)
            || f.Route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(reserved);
    }

    [Theory]
    [InlineData("Functions.Ingest")]
    [InlineData("Functions.Aggregate")]
    [InlineData("Functions.Query")]
    public void Http_apps_have_an_empty_route_prefix_so_routes_sit_at_the_root(string app)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), app, "host.json")));

        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    private static List<(string Name, string Route, string Methods)> ReadHttpFunctions(string app) =>
        ReadTriggers(app, "httpTrigger")
            .Select(t => (
                t.Name,
                Route: t.Binding.GetProperty("route").GetString()!,
                Methods: string.Join(",", t.Binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order())))
            .ToList();

    /// <summary>Every function of the app's generated metadata with a trigger of the given type, by name.</summary>
    private static List<(string Name, JsonElement Binding)> ReadTriggers(string app, string type)
    {
        // The test assembly is built in the same configuration as the apps it references.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), app, "bin", configuration, "net10.0", "functions.metadata");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == type)
                .Select(binding => (Name: function.GetProperty("name").GetString()!, Binding: binding.Clone())))
            .OrderBy(f => f.Name)
            .ToList();
    }
}

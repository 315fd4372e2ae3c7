using System.Text.Json;
using OpenMetrics.Core.Functions;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// The Worker SDK writes functions.metadata at build time from the [Function] attributes; that file is what the
/// Functions host serves. Holding it to <see cref="FunctionCatalog"/> proves the local host serves the same routes.
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
    public void Ingest_app_declares_all_six_v1_routes()
    {
        var routes = ReadHttpFunctions("Functions.Ingest").Select(f => f.Route).Order();

        Assert.Equal(["v1/createUser", "v1/events", "v1/ping", "v1/setSessionProps", "v1/setUserId", "v1/setUserProps"], routes);
    }

    [Theory]
    [InlineData("Functions.Ingest")]
    [InlineData("Functions.Query")]
    public void Http_apps_have_an_empty_route_prefix_so_routes_sit_at_the_root(string app)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), app, "host.json")));

        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    private static List<(string Name, string Route, string Methods)> ReadHttpFunctions(string app)
    {
        // The test assembly is built in the same configuration as the apps it references.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), app, "bin", configuration, "net10.0", "functions.metadata");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
                .Select(binding => (
                    Name: function.GetProperty("name").GetString()!,
                    Route: binding.GetProperty("route").GetString()!,
                    Methods: string.Join(",", binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order()))))
            .OrderBy(f => f.Name)
            .ToList();
    }
}

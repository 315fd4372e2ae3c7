using System.Net;
using System.Text.Json;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: an OpenAPI 3.1 document that describes exactly the <c>/api/*</c> and <c>/v1/*</c>
/// routes and methods of the function catalog, whose references all resolve, and whose answer schemas name the
/// fields the routes really answer with.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class OpenApiDocumentTests(QueryHostFixture host)
{
    public static TheoryData<string, string> DocumentedRoutes()
    {
        var routes = new TheoryData<string, string>();
        foreach (var function in FunctionCatalog.Http.Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal) || f.Route.StartsWith("v1/", StringComparison.Ordinal)))
        {
            foreach (var method in function.Methods)
            {
                routes.Add("/" + function.Route, method.ToLowerInvariant());
            }
        }

        return routes;
    }

    [Theory]
    [MemberData(nameof(DocumentedRoutes))]
    public async Task Every_route_and_method_of_the_catalog_is_described(string path, string method)
    {
        var document = await ReadDocumentAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
        Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), $"{method} {path} has no responses");
    }

    [Fact]
    public async Task It_is_OpenAPI_3_1_and_describes_nothing_the_catalog_does_not_have()
    {
        var document = await ReadDocumentAsync();
        var catalog = DocumentedRoutes().Select(row => ((string)row[0], (string)row[1])).ToHashSet();

        Assert.StartsWith("3.1.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.Contains((path.Name, operation.Name), catalog);
            }
        }
    }

    [Fact]
    public async Task Every_reference_resolves()
    {
        var document = await ReadDocumentAsync();
        var references = new List<string>();
        Collect(document, references);

        Assert.NotEmpty(references);
        foreach (var reference in references.Distinct())
        {
            Assert.StartsWith("#/", reference, StringComparison.Ordinal);
            var target = document;
            foreach (var part in reference[2..].Split('/'))
            {
                Assert.True(target.TryGetProperty(part, out target), $"{reference} does not resolve");
            }
        }
    }

    [Theory]
    [InlineData("/api/live", "LiveAnswer")]
    [InlineData("/api/catalog", "CatalogAnswer")]
    [InlineData("/api/users?limit=1", "UserSearchAnswer")]
    [InlineData("/api/annotations?from=2040-01-01T00:00:00Z&to=2040-01-02T00:00:00Z", "AnnotationList")]
    public async Task Answer_schemas_name_the_fields_the_routes_answer_with(string path, string schema)
    {
        var document = await ReadDocumentAsync();
        using var response = await host.Api.GetAsync(path);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var described = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(described, answer.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task It_needs_the_query_key_like_every_api_route()
    {
        using var response = await host.Http.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref")
                {
                    references.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, references);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, references);
            }
        }
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var response = await host.Api.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

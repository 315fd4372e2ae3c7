using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Saved;

/// <summary>CRUD of saved things (docs/query.md, "Saved things") through the local host, stored in a real Azurite.</summary>
[Collection(QueryCollection.Name)]
public sealed class SavedItemsApiTests(QueryHostFixture host)
{
    [Fact]
    public async Task Put_get_list_replace_and_delete_round_trip()
    {
        const string kind = "dashboards";
        var id = "crud-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await host.Api.PutAsJsonAsync($"/api/{kind}/{id}", new { name = "Signups", description = "weekly", unit = "int" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var item = await ReadAsync(await host.Api.GetAsync($"/api/{kind}/{id}"));
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("Signups", item.GetProperty("name").GetString());
        Assert.Equal("weekly", item.GetProperty("description").GetString());
        var createdAt = item.GetProperty("createdAt").GetDateTimeOffset();

        using var replaced = await host.Api.PutAsJsonAsync($"/api/{kind}/{id}", new { name = "Signups (all)" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var list = await ReadAsync(await host.Api.GetAsync($"/api/{kind}"));
        var listed = Assert.Single(list.GetProperty(kind).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal("Signups (all)", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("description", out _), "PUT replaces the whole definition");
        Assert.Equal(createdAt, listed.GetProperty("createdAt").GetDateTimeOffset());

        using var deleted = await host.Api.DeleteAsync($"/api/{kind}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/{kind}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync($"/api/{kind}/{id}")).StatusCode);
    }

    [Fact]
    public async Task Post_creates_an_item_with_a_new_id()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/dashboards", new { name = "Home", metrics = new[] { "a", "b" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await ReadAsync(response);
        var id = item.GetProperty("id").GetString()!;
        var read = await ReadAsync(await host.Api.GetAsync($"/api/dashboards/{id}"));
        Assert.Equal(["a", "b"], read.GetProperty("metrics").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/api/metrics/x", "PUT", "", null)]
    [InlineData("/api/metrics/x", "PUT", "[1]", null)]
    [InlineData("/api/metrics/x", "PUT", "{\"title\": 5}", "title")]
    [InlineData("/api/metrics/x", "PUT", "{\"name\": \"a metric is titled\"}", "title")]
    [InlineData("/api/funnels/x", "PUT", "{\"title\": \"no name\"}", "name")]
    [InlineData("/api/metrics/x", "PUT", "{not json", null)]
    [InlineData("/api/metrics/bad%20id", "PUT", "{\"name\": \"n\"}", "id")]
    public async Task Bad_definitions_are_400_with_a_reason(string path, string method, string body, string? field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body) };
        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        Assert.Equal(field, error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_item_is_404()
    {
        using var response = await host.Api.GetAsync("/api/funnels/never-saved");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

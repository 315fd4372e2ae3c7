using System.Text.Json;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query;

/// <summary>
/// Through the query API, a trends query with <c>"range": "7d"</c> is answered as a funnel with the same fields is: the
/// same <c>[from, to)</c> in <c>meta</c> (it used to be a 400 "'from' is required").
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class SharedQueryFieldsTests(QueryHostFixture host)
{
    [Fact]
    public async Task Trends_and_funnels_read_the_same_relative_range()
    {
        const string Shared = "\"range\":\"7d\",\"tz\":\"Europe/Berlin\"";

        var trends = await MetaAsync("/api/query/trends", "{\"series\":[{\"event\":\"shared-range\"}]," + Shared + "}");
        var funnel = await MetaAsync("/api/query/funnel", "{\"steps\":[{\"event\":\"shared-a\"},{\"event\":\"shared-b\"}]," + Shared + "}");

        Assert.Equal(funnel.GetProperty("from").GetDateTimeOffset(), trends.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(funnel.GetProperty("to").GetDateTimeOffset(), trends.GetProperty("to").GetDateTimeOffset());
        Assert.Equal("Europe/Berlin", trends.GetProperty("tz").GetString());
    }

    private async Task<JsonElement> MetaAsync(string path, string body)
    {
        using var response = await host.Api.PostAsync(path, new StringContent(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("meta").Clone();
    }
}

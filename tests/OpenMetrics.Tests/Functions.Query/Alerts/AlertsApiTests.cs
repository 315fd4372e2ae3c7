using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Core.Alerts;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Functions.Query.Alerts;

/// <summary><c>/api/alerts</c>: create, replace, read with state, list, delete, history, and 400s naming the field.</summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertsApiTests(AlertsHostFixture host)
{
    private const string Hook = """[{"webhook":"https://hooks.example.com/a"}]""";

    [Fact]
    public async Task A_put_creates_then_replaces_and_keeps_the_state()
    {
        var alert = new AlertSetup(host, "crud");
        await alert.SaveMetricAsync();
        var body = $$"""{"metric":"{{alert.Id}}","condition":{"op":"below","value":3},"interval":"day","tz":"Europe/Berlin","destinations":{{Hook}}}""";

        using var created = await PutAsync(alert.Id, body);
        using var replaced = await PutAsync(alert.Id, body.Replace("\"value\":3", "\"value\":4", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var read = await alert.AlertAsync();
        Assert.Equal(4, read.GetProperty("condition").GetProperty("value").GetDouble());
        Assert.Equal("day", read.GetProperty("interval").GetString());
        Assert.Equal("Europe/Berlin", read.GetProperty("tz").GetString());
        Assert.Equal("json", read.GetProperty("destinations")[0].GetProperty("format").GetString());
        Assert.Equal(60, read.GetProperty("cooldownMinutes").GetInt32());
        Assert.Equal("ok", read.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("lastEvaluatedInterval").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("lastValue").ValueKind);
        var list = await host.GetQueryAsync("/api/alerts");
        Assert.Contains(list.GetProperty("alerts").EnumerateArray(), item => item.GetProperty("id").GetString() == alert.Id);
        Assert.Empty(await alert.HistoryAsync());
    }

    [Fact]
    public async Task A_delete_removes_the_alert_and_its_history()
    {
        var alert = new AlertSetup(host, "gone");
        await alert.SaveMetricAsync();
        using (await PutAsync(alert.Id, $$"""{"metric":"{{alert.Id}}","condition":{"op":"above","value":1},"destinations":{{Hook}}}"""))
        {
        }

        using var deleted = await host.Api.DeleteAsync($"/api/alerts/{alert.Id}");
        using var read = await host.Api.GetAsync($"/api/alerts/{alert.Id}");
        using var history = await host.Api.GetAsync($"/api/alerts/{alert.Id}/history");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }

    [Theory]
    [InlineData("""{"condition":{"op":"above","value":1},"destinations":HOOK}""", "metric")]
    [InlineData("""{"metric":"no-such-metric","condition":{"op":"above","value":1},"destinations":HOOK}""", "metric")]
    [InlineData("""{"metric":"m","query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":HOOK}""", "query")]
    [InlineData("""{"query":{"series":[{"measure":"count"}]},"condition":{"op":"above","value":1},"destinations":HOOK}""", "query.series[0].event")]
    [InlineData("""{"query":{"series":[{"event":"a"}],"range":"7d"},"condition":{"op":"above","value":1},"destinations":HOOK}""", "query.range")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"destinations":HOOK}""", "condition")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"over","value":1},"destinations":HOOK}""", "condition.op")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":"5"},"destinations":HOOK}""", "condition.value")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"changeUpPct","value":-5},"destinations":HOOK}""", "condition.value")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"interval":"week","destinations":HOOK}""", "interval")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"tz":"Mars/Olympus","destinations":HOOK}""", "tz")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":[]}""", "destinations")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1}}""", "destinations")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":[{"webhook":"ftp://example.com/x"}]}""", "destinations[0].webhook")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":[{"webhook":"http://169.254.169.254/metadata"}]}""", "destinations[0].webhook")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":[{"webhook":"https://u:p@example.com/x"}]}""", "destinations[0].webhook")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":[{"webhook":"https://example.com/x","format":"email"}]}""", "destinations[0].format")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":HOOK,"cooldownMinutes":-1}""", "cooldownMinutes")]
    [InlineData("""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":HOOK,"secretSetting":"my-secret"}""", "secretSetting")]
    public async Task A_bad_field_is_a_400_naming_it(string body, string field)
    {
        using var response = await PutAsync("bad-" + Guid.NewGuid().ToString("N")[..8], body.Replace("HOOK", Hook, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, error.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Six_destinations_are_one_too_many()
    {
        // Five is the most (AlertParser.MaxDestinations); six names 'destinations'.
        var six = "[" + string.Join(",", Enumerable.Range(1, 6).Select(n => $$"""{"webhook":"https://hooks.example.com/{{n}}"}""")) + "]";

        using var response = await PutAsync("six", $$"""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":{{six}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"destinations\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_with_a_space_is_a_400_on_id()
    {
        using var response = await PutAsync("a%20b", $$"""{"query":{"series":[{"event":"a"}]},"condition":{"op":"above","value":1},"destinations":{{Hook}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"id\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PutAsync(string id, string json) =>
        host.Api.PutAsync($"/api/alerts/{id}", new StringContent(json, Encoding.UTF8, "application/json"));
}

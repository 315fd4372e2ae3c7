using System.Text.Json;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>Source definitions: the defaults, and a 400 naming the field for every mistake.</summary>
public sealed class SourceParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static MetricSource Parse(string json, string id = "revenue")
    {
        using var document = JsonDocument.Parse(json);
        return SourceParser.Parse(id, document.RootElement, Now);
    }

    [Fact]
    public void A_push_source_takes_the_defaults()
    {
        var source = Parse("""{"kind":"push"}""");

        Assert.Equal(SourceKind.Push, source.Kind);
        Assert.Equal("revenue", source.Metric);
        Assert.Equal("0 */15 * * * *", source.Schedule);
        Assert.Equal(30, source.BackfillDays);
    }

    [Fact]
    public void An_azure_monitor_source_keeps_its_fields_and_the_interval_is_its_overlap()
    {
        var source = Parse("""
            {"kind":"azureMonitor","resourceId":"/subscriptions/1/resourceGroups/rg/providers/Microsoft.Web/sites/app",
             "metricName":"Requests","aggregation":"average","interval":"pt5m","filter":"Instance eq '*'","metric":"app.requests"}
            """);

        Assert.Equal("Average", source.AzureMonitor!.Aggregation);
        Assert.Equal("PT5M", source.AzureMonitor.IntervalText);
        Assert.Equal(TimeSpan.FromMinutes(5), source.Overlap);
        Assert.Equal("app.requests", source.Metric);
    }

    [Theory]
    [InlineData("""{}""", "kind")]
    [InlineData("""{"kind":"prometheus"}""", "kind")]
    [InlineData("""{"kind":"push","schedule":"*/5 * * * *"}""", "schedule")]
    [InlineData("""{"kind":"push","backfillDays":400}""", "backfillDays")]
    [InlineData("""{"kind":"push","metric":"a|b"}""", "metric")]
    [InlineData("""{"kind":"push","url":"https://example.com"}""", "url")]
    [InlineData("""{"kind":"azureMonitor","metricName":"Requests"}""", "resourceId")]
    [InlineData("""{"kind":"azureMonitor","resourceId":"/subscriptions/1/providers/x/y","metricName":"Requests","interval":"PT2M"}""", "interval")]
    [InlineData("""{"kind":"azureMonitor","resourceId":"/subscriptions/1/providers/x/y","metricName":"Requests","aggregation":"Median"}""", "aggregation")]
    [InlineData("""{"kind":"azureMonitor","resourceId":"/subscriptions/1/providers/x/y","metricname":"Requests"}""", "metricname")]
    [InlineData("""{"kind":"logAnalytics","workspaceId":"/subscriptions/1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log","query":"T"}""", "workspaceId")]
    [InlineData("""{"kind":"logAnalytics","workspaceId":"0b4c8b9e-1d2f-4a6b-9c3d-5e7f8a9b0c1d"}""", "query")]
    [InlineData("""{"kind":"http","url":"ftp://example.com/x","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"http://169.254.169.254/metadata/instance","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"http://[fd00:ec2::254]/latest","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"http://168.63.129.16/machine","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"https://user:pw@example.com/x","timePath":"$.t","valuePath":"$.v"}""", "url")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"data.t","valuePath":"$.v"}""", "timePath")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t"}""", "valuePath")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","method":"DELETE","timePath":"$.t","valuePath":"$.v"}""", "method")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t","valuePath":"$.v","headers":{"Authorization":"Bearer abc"}}""", "headers.Authorization")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t","valuePath":"$.v","headers":{"X-Api-Key":"abc"}}""", "headers.X-Api-Key")]
    [InlineData("""{"kind":"http","url":"https://example.com/x","timePath":"$.t","valuePath":"$.v","headers":{"X-Api-Key":{"secret":"has-dash"}}}""", "headers.X-Api-Key")]
    public void A_mistake_names_its_field(string json, string field)
    {
        var error = Assert.Throws<QueryException>(() => Parse(json));

        Assert.Equal(field, error.Field);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void A_bad_id_is_refused()
    {
        var error = Assert.Throws<QueryException>(() => Parse("""{"kind":"push"}""", "a/b"));

        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void A_secret_header_keeps_only_its_name()
    {
        var source = Parse("""{"kind":"http","url":"https://example.com/x","timePath":"$.t","valuePath":"$.v","headers":{"Authorization":{"secret":"STRIPE_KEY"},"Accept":"application/json"}}""");

        var json = SourceJson.Definition(source).ToJsonString();

        Assert.Contains("\"Authorization\":{\"secret\":\"STRIPE_KEY\"}", json);
        Assert.Equal(new HttpPullHeader("Authorization", null, "STRIPE_KEY"), source.Http!.Headers[0]);
    }
}

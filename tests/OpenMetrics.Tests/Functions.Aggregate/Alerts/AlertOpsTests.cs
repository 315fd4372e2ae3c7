using System.Text.Json;
using OpenMetrics.Tests.Core.Alerts;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Functions.Aggregate.Alerts;

/// <summary><c>POST /ops/alerts/evaluate</c>: open on the local host (a function key guards it in Azure), it evaluates now and says what each alert did.</summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertOpsTests(AlertsHostFixture host)
{
    [Fact]
    public async Task Evaluate_now_fires_a_due_alert_and_answers_the_summary_then_skips_it()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "ops");
        // 09:00–10:00: 5 + 5 = 10, above 5.
        await alert.PushAsync((day.AddHours(9).AddMinutes(15), 5), (day.AddHours(9).AddMinutes(45), 5));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""");
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(1));

        var first = await EvaluateAsync();
        var second = await EvaluateAsync();

        var run = Run(first, alert.Id);
        Assert.Equal("fired", run.GetProperty("outcome").GetString());
        Assert.Equal("firing", run.GetProperty("state").GetString());
        Assert.Equal(10, run.GetProperty("value").GetDouble());
        Assert.True(first.GetProperty("fired").GetInt32() >= 1);
        Assert.Equal("skipped", Run(second, alert.Id).GetProperty("outcome").GetString());
        Assert.Single(alert.Deliveries);
    }

    private async Task<JsonElement> EvaluateAsync()
    {
        // No query key: the ops routes are the aggregate app's, open on the local host.
        using var response = await host.Http.PostAsync("/ops/alerts/evaluate", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static JsonElement Run(JsonElement summary, string id) =>
        summary.GetProperty("runs").EnumerateArray().Single(run => run.GetProperty("id").GetString() == id);
}

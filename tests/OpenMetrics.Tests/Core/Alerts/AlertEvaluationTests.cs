using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Core.Alerts;

/// <summary>
/// The alert timer's work over a real Azurite, delivering to a local receiver: a crossing is delivered exactly once
/// whether two runs go at once, a run is repeated or the evaluator restarts; a crossing fires then resolves; the
/// cooldown holds back a quick re-fire; a change in percent compares with the previous hour; a failing metric is an error state.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertEvaluationTests(AlertsHostFixture host)
{
    [Fact]
    public async Task Two_runs_at_once_deliver_a_crossing_once()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "twice");
        // Hour 09:00–10:00: 4 + 3 = 7 signups, above 5.
        await alert.PushAsync((day.AddHours(9).AddMinutes(10), 4), (day.AddHours(9).AddMinutes(40), 3));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""");
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(2));

        await Task.WhenAll(host.EvaluateAlertsAsync(), host.EvaluateAlertsAsync());

        // Both read the state at one version; one transaction claimed 09:00–10:00, the other got 412 and skipped it.
        var delivery = Assert.Single(alert.Deliveries);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("firing", body.RootElement.GetProperty("state").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("value").GetDouble());
        var crossing = Assert.Single(await alert.HistoryAsync());
        Assert.Equal("delivered", crossing.GetProperty("delivery").GetString());
        var state = await alert.AlertAsync();
        Assert.Equal("firing", state.GetProperty("state").GetString());
        Assert.Equal(7, state.GetProperty("lastValue").GetDouble());
        Assert.Equal(day.AddHours(9), state.GetProperty("lastEvaluatedInterval").GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_repeated_run_and_a_restarted_evaluator_deliver_nothing_more()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "again");
        // Hour 09:00–10:00: 6 signups, above 5.
        await alert.PushAsync((day.AddHours(9).AddMinutes(30), 6));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""");
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(2));

        await host.EvaluateAlertsAsync();
        // The same run delivered again (a timer that fired twice), then a new evaluator over the same table (a restart).
        await host.EvaluateAlertsAsync();
        var restarted = ActivatorUtilities.CreateInstance<AlertEvaluator>(host.Services);
        var summary = await restarted.EvaluateDueAsync(CancellationToken.None);

        Assert.Single(alert.Deliveries);
        Assert.Equal("skipped", summary.Runs.Single(run => run.Id == alert.Id).Outcome);
    }

    [Fact]
    public async Task An_alert_fires_then_resolves_and_history_has_both_newest_first()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "resolve");
        // 09:00–10:00: 4 + 4 = 8 (above 5: fires); 10:00–11:00: 2 (not above 5: resolves).
        await alert.PushAsync((day.AddHours(9).AddMinutes(5), 4), (day.AddHours(9).AddMinutes(55), 4), (day.AddHours(10).AddMinutes(30), 2));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""");

        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(1));
        await host.EvaluateAlertsAsync();
        Assert.Equal("firing", (await alert.AlertAsync()).GetProperty("state").GetString());
        host.Clock.SetUtcNow(day.AddHours(11).AddMinutes(1));
        await host.EvaluateAlertsAsync();

        Assert.Equal(["firing", "resolved"], alert.Deliveries.Select(State));
        Assert.Equal("ok", (await alert.AlertAsync()).GetProperty("state").GetString());
        var history = await alert.HistoryAsync();
        Assert.Equal(["resolved", "firing"], history.Select(entry => entry.GetProperty("state").GetString()));
        Assert.Equal([2.0, 8.0], history.Select(entry => entry.GetProperty("value").GetDouble()));
        Assert.Equal(day.AddHours(10), history[0].GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_cooldown_holds_back_a_re_fire_until_it_has_passed()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "cool");
        // 09–10: 7 fires; 10–11: 2 resolves (resolved at 11:00); 11–12: 8 would fire, but 12:00 is before 11:00 + 120 min
        // = 13:00, so it is held back; 12–13: 9 fires, as 13:00 is not before 13:00.
        await alert.PushAsync((day.AddHours(9).AddMinutes(1), 7), (day.AddHours(10).AddMinutes(1), 2), (day.AddHours(11).AddMinutes(1), 8), (day.AddHours(12).AddMinutes(1), 9));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""", "\"cooldownMinutes\":120");

        var outcomes = new List<string>();
        foreach (var hour in new[] { 10, 11, 12, 13 })
        {
            host.Clock.SetUtcNow(day.AddHours(hour).AddMinutes(3));
            outcomes.Add((await host.EvaluateAlertsAsync()).Runs.Single(run => run.Id == alert.Id).Outcome);
        }

        Assert.Equal(["fired", "resolved", "suppressed", "fired"], outcomes);
        Assert.Equal(["firing", "resolved", "firing"], alert.Deliveries.Select(State));
    }

    [Fact]
    public async Task A_change_up_is_the_percent_against_the_previous_hour_of_an_inline_query()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "change");
        // 08–09: 4; 09–10: 6. The change is (6 − 4) / 4 = 50 %, at least the 50 asked: fires.
        await alert.PushAsync((day.AddHours(8).AddMinutes(20), 4), (day.AddHours(9).AddMinutes(20), 6));
        await alert.PutAsync($"/api/alerts/{alert.Id}", $$"""
            {"query":{"series":[{"metric":"{{alert.Metric}}","agg":"sum"}]},"condition":{"op":"changeUpPct","value":50},
             "interval":"hour","destinations":[{"webhook":"{{alert.Webhook}}"}]}
            """);
        host.Clock.SetUtcNow(day.AddHours(10));

        await host.EvaluateAlertsAsync();

        using var body = JsonDocument.Parse(Assert.Single(alert.Deliveries).Body);
        var root = body.RootElement;
        Assert.Equal(6, root.GetProperty("value").GetDouble());
        Assert.Equal(4, root.GetProperty("previous").GetDouble());
        Assert.Equal(50, root.GetProperty("changePct").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metric").ValueKind);
        Assert.Equal("changeUpPct", root.GetProperty("condition").GetProperty("op").GetString());
        Assert.Equal(day.AddHours(9), root.GetProperty("interval").GetProperty("from").GetDateTimeOffset());
        Assert.Equal(day.AddHours(10), root.GetProperty("interval").GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_metric_that_fails_is_an_error_state_and_the_others_still_run()
    {
        var day = host.NextDay();
        var broken = new AlertSetup(host, "broken");
        var working = new AlertSetup(host, "working");
        await broken.SaveMetricAsync();
        await broken.PutAlertAsync("""{"op":"above","value":5}""");
        // The metric goes away after the alert was made: its evaluations fail until it is back.
        using (await host.Api.DeleteAsync($"/api/metrics/{broken.Id}"))
        {
        }

        await working.PushAsync((day.AddHours(9).AddMinutes(10), 9));
        await working.SaveMetricAsync();
        await working.PutAlertAsync("""{"op":"above","value":5}""");
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(4));

        var summary = await host.EvaluateAlertsAsync();

        var failed = await broken.AlertAsync();
        Assert.Equal("error", failed.GetProperty("state").GetString());
        Assert.Contains("was not found", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", summary.Runs.Single(run => run.Id == broken.Id).Outcome);
        Assert.Empty(broken.Deliveries);
        Assert.Single(working.Deliveries);
    }

    [Fact]
    public async Task A_stored_alert_that_no_longer_passes_the_rules_does_not_stop_the_others()
    {
        var day = host.NextDay();
        var working = new AlertSetup(host, "beside-stale");
        var stale = new AlertSetup(host, "stale");
        await working.PushAsync((day.AddHours(9).AddMinutes(10), 8));
        await working.SaveMetricAsync();
        await working.PutAlertAsync("""{"op":"above","value":5}""");
        await stale.SaveMetricAsync();
        await stale.PutAlertAsync("""{"op":"above","value":5}""");

        // A definition the parser refuses today, as after a rule tightened since it was saved.
        var table = host.Storage.Tables().GetTableClient(StorageNames.AlertsTable);
        var row = (await table.GetEntityAsync<TableEntity>(stale.Id, "alert")).Value;
        row["Json"] = """{"condition":{"op":"sideways","value":5}}""";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(5));

        var summary = await host.EvaluateAlertsAsync();
        var list = await host.GetQueryAsync("/api/alerts");
        using var one = await host.Api.GetAsync($"/api/alerts/{stale.Id}");

        Assert.Single(working.Deliveries);
        Assert.DoesNotContain(summary.Runs, run => run.Id == stale.Id);
        Assert.Contains(list.GetProperty("alerts").EnumerateArray(), alert => alert.GetProperty("id").GetString() == working.Id);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, one.StatusCode);
    }

    [Fact]
    public async Task An_hour_still_in_progress_is_never_checked()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "partial");
        // 10:00–11:00 holds 9 at 10:05, but at 10:30 the last complete hour is 09:00–10:00, with 0: not above 5.
        await alert.PushAsync((day.AddHours(10).AddMinutes(5), 9));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""");
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(30));

        var run = (await host.EvaluateAlertsAsync()).Runs.Single(candidate => candidate.Id == alert.Id);

        Assert.Equal("unchanged", run.Outcome);
        Assert.Equal(day.AddHours(9), run.From);
        Assert.Equal(day.AddHours(10), run.To);
        Assert.Empty(alert.Deliveries);
    }

    private static string State(ReceivedWebhook delivery)
    {
        using var body = JsonDocument.Parse(delivery.Body);
        return body.RootElement.GetProperty("state").GetString()!;
    }
}

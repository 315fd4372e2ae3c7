using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Core.Alerts;

/// <summary>
/// Deliveries as the receiving services see them: a 500 is retried and the success recorded; a destination that
/// keeps failing is recorded as failed after its retries; the <c>json</c> body carries the HMAC of its bytes; Slack
/// gets an incoming-webhook message and Teams an Adaptive Card message.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertDeliveryTests(AlertsHostFixture host)
{
    [Fact]
    public async Task Two_500s_then_200_are_three_requests_and_one_recorded_success()
    {
        var alert = await FiringAsync("retry", "json");
        host.Receiver.Script(alert.Path, 500, 500);

        await host.EvaluateAlertsAsync();

        Assert.Equal(3, alert.Deliveries.Count);
        // The three requests carry the same body: a retry, not a new notification.
        Assert.Single(alert.Deliveries.Select(delivery => delivery.Body).Distinct());
        var crossing = Assert.Single(await alert.HistoryAsync());
        Assert.Equal("delivered", crossing.GetProperty("delivery").GetString());
        var outcome = Assert.Single(crossing.GetProperty("deliveries").EnumerateArray());
        Assert.True(outcome.GetProperty("ok").GetBoolean());
        Assert.Equal(200, outcome.GetProperty("status").GetInt32());
        Assert.Equal(3, outcome.GetProperty("attempts").GetInt32());
        Assert.Equal(host.Receiver.BaseUrl, outcome.GetProperty("destination").GetString());
    }

    [Fact]
    public async Task A_destination_that_keeps_failing_is_recorded_as_failed_after_its_retries()
    {
        var alert = await FiringAsync("failing", "json");
        host.Receiver.Script(alert.Path, 503, 503, 503, 503, 503);

        await host.EvaluateAlertsAsync();

        // The first try and 3 retries (OpenMetrics:Alerts:MaxRetries): 4 requests, then no more.
        Assert.Equal(4, alert.Deliveries.Count);
        var crossing = Assert.Single(await alert.HistoryAsync());
        Assert.Equal("failed", crossing.GetProperty("delivery").GetString());
        var outcome = Assert.Single(crossing.GetProperty("deliveries").EnumerateArray());
        Assert.False(outcome.GetProperty("ok").GetBoolean());
        Assert.Equal(503, outcome.GetProperty("status").GetInt32());
        Assert.StartsWith($"{host.Receiver.BaseUrl} answered 503", outcome.GetProperty("error").GetString(), StringComparison.Ordinal);
        // The crossing is claimed all the same: the alert fires, and a later run does not send it again.
        Assert.Equal("firing", (await alert.AlertAsync()).GetProperty("state").GetString());
        await host.EvaluateAlertsAsync();
        Assert.Equal(4, alert.Deliveries.Count);
    }

    [Fact]
    public async Task The_json_body_is_signed_with_the_HMAC_of_the_alerts_secret()
    {
        var alert = await FiringAsync("signed", "json", $"\"secretSetting\":\"{AlertsHostFixture.SecretSetting}\"");

        await host.EvaluateAlertsAsync();

        var delivery = Assert.Single(alert.Deliveries);
        Assert.StartsWith("application/json", delivery.ContentType, StringComparison.Ordinal);
        // Computed here from the setting's known value and the bytes received, independently of the sender.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("known-secret"));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(delivery.Body)));
        Assert.Equal(expected, delivery.Headers["X-OpenMetrics-Signature"]);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal(alert.Id, body.RootElement.GetProperty("alert").GetString());
        Assert.Equal(alert.Id, body.RootElement.GetProperty("metric").GetString());
        Assert.Equal("Signups", body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_alert_without_a_secret_sends_no_signature_and_a_missing_setting_sends_nothing()
    {
        var day = host.NextDay();
        var unsigned = await FiringAsync("unsigned", "json", day: day);
        var missing = await FiringAsync("missing", "json", "\"secretSetting\":\"ALERT_SECRET_NOBODY_SET\"", day);

        await host.EvaluateAlertsAsync();

        Assert.False(Assert.Single(unsigned.Deliveries).Headers.ContainsKey("X-OpenMetrics-Signature"));
        Assert.Empty(missing.Deliveries);
        var outcome = Assert.Single(Assert.Single(await missing.HistoryAsync()).GetProperty("deliveries").EnumerateArray());
        Assert.Contains("ALERT_SECRET_NOBODY_SET is not set", outcome.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_gets_an_incoming_webhook_message_with_text_and_a_section_block()
    {
        var alert = await FiringAsync("slack", "slack");

        await host.EvaluateAlertsAsync();

        using var body = JsonDocument.Parse(Assert.Single(alert.Deliveries).Body);
        var root = body.RootElement;
        // 4 + 3 = 7 in 09:00–10:00 UTC, above 5.
        const string Text = "🔴 Signups is above 5: 7 (hour from";
        Assert.StartsWith(Text, root.GetProperty("text").GetString(), StringComparison.Ordinal);
        var block = Assert.Single(root.GetProperty("blocks").EnumerateArray());
        Assert.Equal("section", block.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", block.GetProperty("text").GetProperty("type").GetString());
        Assert.StartsWith(Text, block.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("09:00 UTC)", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_gets_a_message_with_one_Adaptive_Card_attachment()
    {
        var alert = await FiringAsync("teams", "teams");

        await host.EvaluateAlertsAsync();

        using var body = JsonDocument.Parse(Assert.Single(alert.Deliveries).Body);
        var root = body.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        var elements = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal(["TextBlock", "FactSet"], elements.Select(element => element.GetProperty("type").GetString()));
        Assert.StartsWith("🔴 Signups is above 5: 7", elements[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var facts = elements[1].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        // The value 7, and the previous hour 08:00–09:00, which has no points: 0.
        Assert.Equal("7", facts["Value"]);
        Assert.Equal("0", facts["Previous"]);
    }

    /// <summary>An alert whose hour 09:00–10:00 of a new day (or <paramref name="day"/>) holds 4 + 3 = 7 signups, above 5, with the clock at 10:02.</summary>
    private async Task<AlertSetup> FiringAsync(string name, string format, string fields = "", DateTimeOffset? day = null)
    {
        var start = day ?? host.NextDay();
        var alert = new AlertSetup(host, name);
        await alert.PushAsync((start.AddHours(9).AddMinutes(10), 4), (start.AddHours(9).AddMinutes(40), 3));
        await alert.SaveMetricAsync();
        await alert.PutAlertAsync("""{"op":"above","value":5}""", fields, format);
        if (host.Clock.GetUtcNow() < start.AddHours(10).AddMinutes(2))
        {
            host.Clock.SetUtcNow(start.AddHours(10).AddMinutes(2));
        }

        return alert;
    }
}

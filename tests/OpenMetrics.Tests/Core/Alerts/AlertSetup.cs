using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Core.Alerts;

/// <summary>
/// What the alert tests arrange through the public API: pushed metric points, a saved metric of kind <c>metric</c>
/// (their sum), and an alert posting to the test's own path on the <see cref="WebhookReceiver"/>.
/// </summary>
internal sealed class AlertSetup(AlertsHostFixture host, string name)
{
    public string Id { get; } = name + "-" + Guid.NewGuid().ToString("N")[..8];

    public string Metric => Id + "-points";

    public string Path => "/hook/" + Id;

    public string Webhook => host.Receiver.BaseUrl + Path;

    public IReadOnlyList<ReceivedWebhook> Deliveries => host.Receiver.To(Path);

    /// <summary>Pushes one point per (time, value) into this test's metric.</summary>
    public async Task PushAsync(params (DateTimeOffset T, double V)[] points)
    {
        var items = string.Join(",", points.Select(point =>
            $$"""{"t":"{{point.T.ToString("O", CultureInfo.InvariantCulture)}}","v":{{point.V.ToString(CultureInfo.InvariantCulture)}}}"""));
        await host.PostQueryAsync("/api/metrics/points", $$"""{"metric":"{{Metric}}","points":[{{items}}]}""");
    }

    /// <summary>Saves the metric <see cref="Id"/>: the sum of this test's points, titled "Signups".</summary>
    public Task SaveMetricAsync() =>
        PutAsync($"/api/metrics/{Id}", """{"title":"Signups","unit":"count","definition":{"kind":"metric","query":{"metric":""" + $"\"{Metric}\"" + ""","agg":"sum"}}}""");

    /// <summary>PUTs the alert <see cref="Id"/> on the saved metric, with <paramref name="fields"/> (JSON members, no braces) beside the webhook.</summary>
    public Task PutAlertAsync(string condition, string fields = "", string format = "json") =>
        PutAsync($"/api/alerts/{Id}", $$"""
            {"metric":"{{Id}}","condition":{{condition}},"interval":"hour","tz":"UTC",
             "destinations":[{"webhook":"{{Webhook}}","format":"{{format}}"}]{{(fields.Length > 0 ? "," + fields : "")}}}
            """);

    public async Task PutAsync(string path, string json)
    {
        using var response = await host.Api.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<JsonElement> AlertAsync() => host.GetQueryAsync($"/api/alerts/{Id}");

    public async Task<JsonElement[]> HistoryAsync() =>
        [.. (await host.GetQueryAsync($"/api/alerts/{Id}/history")).GetProperty("history").EnumerateArray()];
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A bounded load for fault tests: a few clients, each sending a fixed number of /v1/events calls of
/// <see cref="EventsPerCall"/> events named <see cref="EventName"/>, every event carrying its call's id in the prop
/// <c>call</c> (so a trend broken down by <c>call</c> counts each call apart). Records what each call was answered.
/// </summary>
public sealed class ProbeLoad(HttpClient http, int clients, int callsPerClient)
{
    public const string EventName = "fault_probe";
    public const int EventsPerCall = 10;

    /// <summary>The answer to each call, by call id: the status and, for a 503, its Retry-After.</summary>
    public ConcurrentDictionary<string, (HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> Answers { get; } = new();

    public int OkCount => Answers.Values.Count(answer => answer.Status == HttpStatusCode.OK && answer.Body == "ok");

    /// <summary>Sends every call, a client's next one after a short gap, so that an outage falls in the middle.</summary>
    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        for (var k = 0; k < callsPerClient; k++)
        {
            var call = $"c{client}-{k}";
            using var response = await http.PostAsync("/v1/events", new StringContent(Payload(call), Encoding.UTF8, "application/json"));
            Answers[call] = (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
            await Task.Delay(100);
        }
    }));

    private static string Payload(string call)
    {
        var now = DateTimeOffset.UtcNow;
        return JsonSerializer.Serialize(new
        {
            sessionId = $"probe-{call}",
            events = Enumerable.Range(0, EventsPerCall).Select(i => new { name = EventName, ts = now.AddMilliseconds(i).ToString("O"), props = new { call } }),
        });
    }

    /// <summary>The events counted per call, from a trend of the probe events broken down by <c>call</c>.</summary>
    public static async Task<Dictionary<string, double>> CountedPerCallAsync(HttpClient api)
    {
        var now = DateTimeOffset.UtcNow;
        var query = JsonSerializer.Serialize(new
        {
            series = new[] { new { @event = EventName } },
            interval = "total",
            from = now.AddDays(-1).ToString("O"),
            to = now.AddDays(1).ToString("O"),
            breakdown = new { prop = "call", limit = 100 },
        });
        using var response = await api.PostAsync("/api/query/trends", new StringContent(query, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("series").EnumerateArray()
            .Where(line => line.GetProperty("breakdownValue").ValueKind == JsonValueKind.String)
            .ToDictionary(line => line.GetProperty("breakdownValue").GetString()!, line => line.GetProperty("total").GetDouble());
    }
}

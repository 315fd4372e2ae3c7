using System.Text;
using System.Text.Json;

namespace OpenMetrics.LoadTest;

/// <summary>
/// Sends /v1/events calls of 50 events from several concurrent clients for a fixed time, the way browser clients
/// batch: each client cycles through 20 sessions, events are page views and clicks with a handful of props.
/// </summary>
/// <param name="callsPerSecond">A steady rate over all clients for a soak run; 0 sends as fast as the host answers.</param>
internal sealed class LoadGenerator(HttpClient http, int clients, double callsPerSecond = 0)
{
    public const int EventsPerCall = 50;

    public async Task<(long Calls, long Failures)> RunAsync(TimeSpan duration, string runId)
    {
        long calls = 0, failures = 0;
        var start = DateTime.UtcNow;
        var until = start + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var k = 0; DateTime.UtcNow < until; k++)
            {
                if (callsPerSecond > 0)
                {
                    // Client c sends its k-th call at (k * clients + c) / rate seconds after the start.
                    var due = start + TimeSpan.FromSeconds((k * clients + client) / callsPerSecond);
                    if (due > DateTime.UtcNow)
                    {
                        await Task.Delay(due - DateTime.UtcNow);
                    }
                }

                var body = Payload($"{runId}-{client}-{k % 20}", k);
                using var response = await http.PostAsync("/v1/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
                Interlocked.Increment(ref calls);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (calls, failures);
    }

    private static byte[] Payload(string sessionId, int call)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = Enumerable.Range(0, EventsPerCall).Select(i => new
        {
            name = i % 5 == 0 ? "signup_clicked" : "page_view",
            ts = now - (EventsPerCall - i) * 100,
            props = new { path = $"/products/{(call + i) % 40}", plan = i % 3 == 0 ? "pro" : "free", items = i % 7 },
        });
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { sessionId, events }));
    }
}

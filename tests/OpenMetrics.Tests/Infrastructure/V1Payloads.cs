using System.Text.Json;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>Bodies of v1 logging calls, for the datasets that tests log.</summary>
public static class V1Payloads
{
    /// <summary>A <c>/v1/events</c> body: events of one session, each a name, an ISO time and its props as JSON text.</summary>
    public static string Events(string session, params (string Name, string Ts, string Props)[] events) =>
        JsonSerializer.Serialize(new
        {
            sessionId = session,
            events = events.Select(e => new { name = e.Name, ts = e.Ts, props = JsonDocument.Parse(e.Props).RootElement }),
        });
}

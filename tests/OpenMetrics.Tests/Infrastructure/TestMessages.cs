using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>Ingest queue messages written by hand, in the shape the ingest app sends.</summary>
public static class TestMessages
{
    public static IngestMessage Events(string callId) => new(
        V: IngestMessage.CurrentVersion,
        Id: $"{callId}.0",
        CallId: callId,
        Kind: V1Call.Events,
        ReceivedAt: new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero),
        SessionId: "session-" + callId,
        Part: 0,
        Parts: 1,
        Events: [new IngestEvent($"{callId}:0", "signup", new DateTimeOffset(2026, 1, 5, 11, 59, 0, TimeSpan.Zero), 0, null, true)]);

    public static string NewCallId() => Guid.CreateVersion7().ToString("N");
}

using System.Text.Json;

namespace OpenMetrics.Core.Ingest;

/// <summary>A validated event, as it travels on the ingest queue.</summary>
/// <param name="Id">The client's event id when it sent one (a retry then counts once), else one made from the call id.</param>
/// <param name="Ts">When the event happened, UTC, after the clock rules of docs/api-v1.md.</param>
/// <param name="Seq">The position in the call, so that events with the same timestamp keep the order they were sent in.</param>
/// <param name="Props">The event's properties: a JSON object, or null when none were sent.</param>
/// <param name="Active">False when the client said <c>options.active: false</c>: recorded, but not counted as activity.</param>
public sealed record IngestEvent(string Id, string Name, DateTimeOffset Ts, int Seq, JsonElement? Props, bool Active);

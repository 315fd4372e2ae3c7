using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>A computed funnel or retention answer, kept in the <c>Snapshots</c> table.</summary>
/// <param name="Answer">The answer as the API returns it, its <c>meta</c> included.</param>
/// <param name="DefinitionHash">The hash of the definition it was computed from: a changed definition makes it stale.</param>
public sealed record Snapshot(JsonObject Answer, DateTimeOffset ComputedAt, string DefinitionHash);

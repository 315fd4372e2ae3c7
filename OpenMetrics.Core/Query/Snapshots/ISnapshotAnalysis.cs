using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>
/// A query kind whose answers are kept as snapshots (funnels and retentions): computed from the raw events by the
/// timers for saved definitions, and on demand, then cached, for ad-hoc queries. Both go through <see cref="ComputeAsync"/>,
/// so that a snapshot and an on-demand answer of the same definition are the same computation.
/// </summary>
public interface ISnapshotAnalysis
{
    /// <summary>The saved kind whose items are this analysis's definitions.</summary>
    SavedKind Kind { get; }

    /// <summary>Parses <paramref name="definition"/> (a query body or a saved item) and answers it from the raw events now; <c>meta</c> holds no source yet.</summary>
    Task<JsonObject> ComputeAsync(JsonElement definition, CancellationToken cancellationToken);

    /// <summary>Whether the answer can still change with events now arriving: its range (with window or return periods) reaches into the last day.</summary>
    bool IsRecent(JsonElement definition, DateTimeOffset now);
}

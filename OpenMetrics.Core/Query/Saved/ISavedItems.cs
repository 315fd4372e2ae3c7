using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.Saved;

/// <summary>Saved definitions (segments, funnels, retention, dashboards) by kind and id, as the JSON they were saved as.</summary>
public interface ISavedItems
{
    /// <summary>Every item of a kind, oldest created first.</summary>
    Task<List<JsonObject>> ListAsync(SavedKind kind, CancellationToken cancellationToken);

    Task<JsonObject?> GetAsync(SavedKind kind, string id, CancellationToken cancellationToken);

    Task PutAsync(SavedKind kind, string id, JsonObject item, CancellationToken cancellationToken);

    /// <returns>Whether the item was there.</returns>
    Task<bool> DeleteAsync(SavedKind kind, string id, CancellationToken cancellationToken);
}

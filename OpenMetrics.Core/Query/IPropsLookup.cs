using System.Text.Json;

namespace OpenMetrics.Core.Query;

/// <summary>User or session properties as they are at query time, for one query: load the keys a question needs, then ask.</summary>
public interface IPropsLookup
{
    Task LoadAsync(IEnumerable<string> keys, CancellationToken cancellationToken);

    /// <summary>The properties of a loaded key; null for a key without any (or never seen).</summary>
    JsonElement? Of(string key);
}

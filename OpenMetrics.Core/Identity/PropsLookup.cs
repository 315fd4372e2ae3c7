using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Identity;

/// <summary>
/// User or session properties as they are at query time (docs/semantics.md: filters and breakdowns read "the value they hold
/// at query time"), for one query. Like <see cref="SessionUsers"/>: point reads for a few, one scan for many.
/// </summary>
public sealed class PropsLookup
{
    private readonly TableClient _identity;
    private readonly Func<string, string> _partitionOf;
    private readonly string _row;
    private readonly string _scanFrom;
    private readonly string _scanTo;
    private readonly ConcurrentDictionary<string, JsonElement?> _props = new(StringComparer.Ordinal);
    private bool _loadedAll;

    private PropsLookup(TableClient identity, Func<string, string> partitionOf, string row, string scanFrom, string scanTo)
    {
        _identity = identity;
        _partitionOf = partitionOf;
        _row = row;
        _scanFrom = scanFrom;
        _scanTo = scanTo;
    }

    /// <summary>Properties of users, by the user key a query resolved.</summary>
    public static PropsLookup Users(TableClient identity) => new(identity, IdentityKeys.UserPartition, IdentityKeys.ProfileRow, "u_", "u`");

    /// <summary>Properties of sessions, by session id.</summary>
    public static PropsLookup Sessions(TableClient identity) => new(identity, IdentityKeys.SessionPartition, IdentityKeys.SessionRow, "s_", "s`");

    public async Task LoadAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        if (_loadedAll)
        {
            return;
        }

        var unknown = keys.Where(key => !_props.ContainsKey(key)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > SessionUsers.PointReadLimit)
        {
            await LoadAllAsync(cancellationToken);
            return;
        }

        await Parallel.ForEachAsync(unknown, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (key, token) =>
        {
            var row = await _identity.GetEntityIfExistsAsync<TableEntity>(_partitionOf(key), _row, cancellationToken: token);
            _props[key] = row.HasValue ? Parse(row.Value!) : null;
        });
    }

    /// <summary>The properties of a loaded key; null for a key without any (or never seen).</summary>
    public JsonElement? Of(string key) => _props.TryGetValue(key, out var props) ? props : null;

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var row in _identity.QueryAsync<TableEntity>(
            e => e.PartitionKey.CompareTo(_scanFrom) >= 0 && e.PartitionKey.CompareTo(_scanTo) < 0 && e.RowKey == _row,
            cancellationToken: cancellationToken))
        {
            var key = _row == IdentityKeys.ProfileRow ? row.GetString("UserKey") : row.GetString("SessionId");
            if (key is not null)
            {
                _props[key] = Parse(row);
            }
        }

        _loadedAll = true;
    }

    private static JsonElement? Parse(TableEntity row) =>
        EntityText.Read(row, "Props") is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
}

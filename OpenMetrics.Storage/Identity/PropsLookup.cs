using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// User or session properties as they are at query time (docs/semantics.md: filters and breakdowns read "the value they hold
/// at query time"), for one query. Like <see cref="SessionUsers"/>: point reads for a few, one scan for many.
/// </summary>
public sealed class PropsLookup : IPropsLookup
{
    private readonly TableClient _identity;
    private readonly Func<string, string> _partitionOf;
    private readonly string _row;
    private readonly KeyRange _scan;
    private readonly ConcurrentDictionary<string, JsonElement?> _props = new(StringComparer.Ordinal);
    private bool _loadedAll;

    private PropsLookup(TableClient identity, Func<string, string> partitionOf, string row, KeyRange scan)
    {
        _identity = identity;
        _partitionOf = partitionOf;
        _row = row;
        _scan = scan;
    }

    /// <summary>Properties of users, by the user key a query resolved.</summary>
    public static PropsLookup Users(TableClient identity) => new(identity, IdentityKeys.UserPartition, IdentityKeys.ProfileRow, IdentityKeys.UserPartitions);

    /// <summary>Properties of sessions, by session id.</summary>
    public static PropsLookup Sessions(TableClient identity) => new(identity, IdentityKeys.SessionPartition, IdentityKeys.SessionRow, IdentityKeys.SessionPartitions);

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
            $"{_scan.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {_row}")}",
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

using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// Reads the exact user sets of <c>Members</c> for UTC hour, day, week and month cells: the users of a local bucket
/// are the union of its cells' sets, and a range's distinct users the union of all. Merged users were renamed in
/// these rows when they merged, so the sets already hold each user under the id it has now.
/// </summary>
public sealed class PreaggregateUsers(TableClient members)
{
    private const int Parallelism = 16;

    /// <param name="eventPart">An event name, or <see cref="MemberKeys.ActiveEvent"/> for active users.</param>
    public async Task<Dictionary<UtcCell, HashSet<string>>> ReadAsync(IReadOnlyCollection<UtcCell> cells, string eventPart, CancellationToken cancellationToken)
    {
        var part = eventPart == MemberKeys.ActiveEvent ? eventPart : MemberKeys.EventPart(eventPart);
        var sets = new ConcurrentDictionary<UtcCell, HashSet<string>>();
        var reads = new List<(UtcCell Cell, string Partition, string Prefix)>();
        foreach (var cell in cells)
        {
            var prefix = $"{Bucket(cell)}|{part}|";
            foreach (var month in Months(cell))
            {
                for (var shard = 0; shard < MemberKeys.Shards; shard++)
                {
                    reads.Add((cell, $"{month}_{shard.ToString(CultureInfo.InvariantCulture)}", prefix));
                }
            }
        }

        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (read, token) =>
        {
            var upper = read.Prefix[..^1] + "}";
            var found = new List<string>();
            await foreach (var row in members.QueryAsync<TableEntity>(
                e => e.PartitionKey == read.Partition && e.RowKey.CompareTo(read.Prefix) >= 0 && e.RowKey.CompareTo(upper) < 0,
                select: ["UserKey"],
                cancellationToken: token))
            {
                if (row.GetString("UserKey") is { } user)
                {
                    found.Add(user);
                }
            }

            var set = sets.GetOrAdd(read.Cell, _ => new HashSet<string>(StringComparer.Ordinal));
            lock (set)
            {
                set.UnionWith(found);
            }
        });
        return cells.ToDictionary(cell => cell, cell => sets.TryGetValue(cell, out var set) ? set : []);
    }

    /// <summary>The bucket part of a member row (see <see cref="MemberKeys"/>).</summary>
    private static string Bucket(UtcCell cell)
    {
        var start = cell.Start.UtcDateTime;
        return cell.Level switch
        {
            CellLevel.Month => "M",
            CellLevel.Week => "w" + start.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            CellLevel.Day => "d" + start.ToString("dd", CultureInfo.InvariantCulture),
            CellLevel.Hour => "h" + start.ToString("ddHH", CultureInfo.InvariantCulture),
            _ => throw new ArgumentException("User sets are kept per hour at the finest.", nameof(cell)),
        };
    }

    /// <summary>The month partitions a cell's rows live in: a week that straddles two months is in both.</summary>
    private static IEnumerable<string> Months(UtcCell cell) =>
        cell.Level == CellLevel.Week
            ? new[] { UtcBuckets.Month(cell.Start), UtcBuckets.Month(cell.End.AddTicks(-1)) }.Distinct(StringComparer.Ordinal)
            : [UtcBuckets.Month(cell.Start)];
}

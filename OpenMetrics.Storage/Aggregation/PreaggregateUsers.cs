using System.Collections.Concurrent;
using Azure.Data.Tables;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Reads the exact user sets of <c>Members</c> for UTC hour, day, week and month cells: the users of a local bucket
/// are the union of its cells' sets, and a range's distinct users the union of all. Merged users were renamed in
/// these rows when they merged, so the sets already hold each user under the id it has now.
/// </summary>
public sealed class PreaggregateUsers(TableClient members) : IUserSetReader
{
    private const int Parallelism = 16;

    public async Task<Dictionary<UtcCell, HashSet<string>>> ReadAsync(IReadOnlyCollection<UtcCell> cells, string eventName, CancellationToken cancellationToken)
    {
        var part = eventName == IUserSetReader.ActiveUsers ? MemberKeys.ActiveEvent : MemberKeys.EventPart(eventName);
        var sets = new ConcurrentDictionary<UtcCell, HashSet<string>>();
        var reads = new List<(UtcCell Cell, string Partition, KeyRange Rows)>();
        foreach (var cell in cells)
        {
            var rows = MemberKeys.Users(MemberKeys.Bucket(cell), part);
            foreach (var month in Months(cell))
            {
                for (var shard = 0; shard < MemberKeys.Shards; shard++)
                {
                    reads.Add((cell, MemberKeys.Partition(month, shard), rows));
                }
            }
        }

        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (read, token) =>
        {
            var found = new List<string>();
            await foreach (var row in members.QueryAsync<TableEntity>(
                $"{TableClient.CreateQueryFilter($"PartitionKey eq {read.Partition}")} and {read.Rows.RowFilter()}",
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

    /// <summary>The month partitions a cell's rows live in: a week that straddles two months is in both.</summary>
    private static IEnumerable<string> Months(UtcCell cell) =>
        cell.Level == CellLevel.Week
            ? new[] { UtcBuckets.Month(cell.Start), UtcBuckets.Month(cell.End.AddTicks(-1)) }.Distinct(StringComparer.Ordinal)
            : [UtcBuckets.Month(cell.Start)];
}

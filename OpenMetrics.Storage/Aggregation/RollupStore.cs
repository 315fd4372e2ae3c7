using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Writes the rollup copy of a day or hour summary (see <see cref="RollupKeys"/>). The compactor writes it
/// before the fold it mirrors commits: if that fold then fails, the contributions stay live, the day is compacted
/// again and the copy rewritten, so a copy is never left behind its summary. Queries read copies only for days the
/// compactor no longer visits (older than yesterday and not marked late), where copy and summary agree.
/// </summary>
public sealed class RollupStore(TableClient daily, TableClient hourly)
{
    public TableClient Daily => daily;

    public TableClient Hourly => hourly;

    /// <param name="partition">The <c>Aggregates</c> partition of the summary (<c>yyyyMMdd_s</c>).</param>
    /// <param name="bucket">The summary's bucket: <c>d</c> or <c>hHH</c>; minute buckets have no copy.</param>
    public async Task WriteAsync(string partition, string bucket, string eventName, BucketFigures figures, CancellationToken cancellationToken)
    {
        if (Copy(partition, bucket, eventName, figures) is { } copy)
        {
            await (copy.Daily ? daily : hourly).UpsertEntityAsync(copy.Entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>The rollup row of a summary, and whether it goes to the daily table; null for a minute bucket.</summary>
    public static (TableEntity Entity, bool Daily)? Copy(string partition, string bucket, string eventName, BucketFigures figures)
    {
        if (bucket != RollupKeys.DayLevel && !bucket.StartsWith(RollupKeys.HourLevel, StringComparison.Ordinal))
        {
            return null;
        }

        var day = DateTime.ParseExact(partition[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
        var shard = int.Parse(partition[9..], CultureInfo.InvariantCulture);
        var level = bucket == RollupKeys.DayLevel ? RollupKeys.DayLevel : RollupKeys.HourLevel;
        var inMonth = level == RollupKeys.DayLevel ? partition[6..8] : partition[6..8] + bucket[1..];
        var entity = new TableEntity(RollupKeys.Partition(level, day), RollupKeys.Row(KeyEncoding.KeyPart(eventName), inMonth, shard))
        {
            ["EventName"] = eventName,
        };
        BucketFigureColumns.Write(figures, entity);
        return (entity, level == RollupKeys.DayLevel);
    }
}

using System.Globalization;
using OpenMetrics.Core.Storage;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Keys of the <c>Aggregates</c> table. Partition: UTC day and a shard of the message id (<c>yyyyMMdd_s</c>), so one
/// busy day is spread over <see cref="Shards"/> partitions. Row: <c>{bucket}|{event}|{suffix}</c> where bucket is
/// <c>d</c> (the day), <c>hHH</c> or <c>mHHmm</c>; suffix <c>0</c> is the summary, <c>1{messageId}</c> a message's contribution.
/// </summary>
public static class AggregateKeys
{
    public const int Shards = 4;
    public const string SummarySuffix = "0";
    public const string ContributionPrefix = "1";

    public static string Partition(DateTimeOffset time, string messageId) =>
        $"{UtcBuckets.Day(time)}_{StableHash.Shard(messageId, Shards)}";

    /// <summary>The start every shard partition of a day shares (<c>yyyyMMdd_</c>): a day's shards sort together.</summary>
    public static string DayShards(string day) => day + "_";

    public static string Partition(string day, int shard) => $"{day}_{shard.ToString(CultureInfo.InvariantCulture)}";

    public static string Row(string bucket, string eventName, string suffix) => $"{bucket}|{KeyEncoding.KeyPart(eventName)}|{suffix}";

    /// <summary>The buckets (inside its day's partition) one event is counted in.</summary>
    public static string[] Buckets(DateTimeOffset ts) => [UtcBuckets.DayLevel, UtcBuckets.HourLevel(ts), UtcBuckets.MinuteLevel(ts)];

    /// <summary>Splits a row key into its bucket, its encoded event and its suffix.</summary>
    public static (string Bucket, string EventKey, string Suffix) Parse(string rowKey)
    {
        var first = rowKey.IndexOf('|', StringComparison.Ordinal);
        var last = rowKey.LastIndexOf('|');
        return (rowKey[..first], rowKey[(first + 1)..last], rowKey[(last + 1)..]);
    }
}

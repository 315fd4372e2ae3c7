using System.Globalization;
using OpenMetrics.Core.Storage;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Keys of the <c>Members</c> table: exact sets of the users who did an event (or were active: event <c>*</c>) in a
/// bucket. Partition: UTC month and a shard of the user (<c>yyyyMM_s</c>); users are split over shards, so a bucket's
/// unique count is the sum of its shards' counts. Row: <c>{bucket}|{event}|{user}</c> with bucket <c>M</c> (the month),
/// <c>w{yyyyMMdd}</c> (the week starting that Monday), <c>d{dd}</c> or <c>h{ddHH}</c>.
/// </summary>
public static class MemberKeys
{
    public const int Shards = 8;
    public const string ActiveEvent = "*";

    public static string Partition(DateTimeOffset ts, string userKey) =>
        $"{UtcBuckets.Month(ts)}_{StableHash.Shard(userKey, Shards).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The partition of a month (<c>yyyyMM</c>) and shard.</summary>
    public static string Partition(string month, int shard) => $"{month}_{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The bucket part of the rows of a UTC month, week, day or hour cell.</summary>
    public static string Bucket(UtcCell cell)
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

    /// <summary>The rows of one bucket and event part: one per user.</summary>
    public static KeyRange Users(string bucket, string eventPart) => KeyRange.StartingWith($"{bucket}|{eventPart}|");

    public static string[] Buckets(DateTimeOffset ts)
    {
        var utc = ts.UtcDateTime;
        return
        [
            "M",
            "w" + UtcBuckets.WeekStart(ts).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            "d" + utc.ToString("dd", CultureInfo.InvariantCulture),
            "h" + utc.ToString("ddHH", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The event part of a row: the encoded name; <see cref="ActiveEvent"/> is never an encoding's output.</summary>
    public static string EventPart(string eventName) => KeyEncoding.KeyPart(eventName);

    public static string Row(string bucket, string eventPart, string userKey) => $"{bucket}|{eventPart}|{KeyEncoding.KeyPart(userKey)}";
}

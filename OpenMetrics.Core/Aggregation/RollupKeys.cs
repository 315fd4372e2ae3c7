using System.Globalization;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Aggregation;

/// <summary>
/// Keys of the <c>Rollups</c> table: the compacted day and hour figures again, laid out for reading a long range of
/// one event at once. Partition: level and UTC month (<c>d202611</c>, <c>h202611</c>); row:
/// <c>{event}|{dd}|{shard}</c> or <c>{event}|{ddHH}|{shard}</c>. A 90-day daily trend of one event is then four range
/// reads instead of 360 (one per day and shard of <c>Aggregates</c>).
/// </summary>
public static class RollupKeys
{
    public const string DayLevel = "d";
    public const string HourLevel = "h";

    public static string Partition(string level, DateTime utcDay) => level + utcDay.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Row(string eventKey, string bucketInMonth, int shard) =>
        $"{eventKey}|{bucketInMonth}|{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The rows of one event from the first to the last bucket of a month (inclusive), in row-key order.</summary>
    public static (string Lower, string Upper) Range(string eventName, string firstBucket, string lastBucket)
    {
        var eventKey = KeyEncoding.KeyPart(eventName);
        return ($"{eventKey}|{firstBucket}|", $"{eventKey}|{lastBucket}}}");
    }
}

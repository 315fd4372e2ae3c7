using System.Globalization;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// Keys of the two rollup tables, <c>RollupsDaily</c> and <c>RollupsHourly</c>: the compacted day and hour figures
/// again, laid out for reading a long range at once. Partition: the UTC month and level (<c>d202611</c>,
/// <c>h202611</c>); row: <c>{event}|{dd}|{shard}</c> or <c>{event}|{ddHH}|{shard}</c>. A 90-day daily trend is then a
/// few range reads instead of 360 (one per day and shard of <c>Aggregates</c>). Days and hours are separate tables so
/// that the small daily one stays small: Azurite scans a whole table for every query.
/// </summary>
public static class RollupKeys
{
    public const string DayLevel = "d";
    public const string HourLevel = "h";

    public static string Partition(string level, DateTime utcDay) => level + utcDay.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Row(string eventKey, string bucketInMonth, int shard) =>
        $"{eventKey}|{bucketInMonth}|{shard.ToString(CultureInfo.InvariantCulture)}";
}

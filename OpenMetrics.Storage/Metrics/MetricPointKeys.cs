using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Metrics;

/// <summary>
/// Keys of the <c>MetricPoints</c> table. Partition: <c>{metric}|{yyyyMM}</c> (the UTC month of the point), so one
/// metric's range is one contiguous partition-key range and a month holds at most a few hundred thousand rows. Row:
/// <c>{ticks:D19}_{hash of the dims}</c>, so a time range is one row-key range inside those partitions and the same
/// (metric, dims, time) always lands on the same row: a rewrite replaces it. The metric names sit in partition
/// <see cref="NamesPartition"/>, which has no <c>|</c> and so never falls inside a metric's range.
/// </summary>
internal static class MetricPointKeys
{
    public const string NamesPartition = "names";

    public static string Partition(string metric, DateTimeOffset time) =>
        $"{KeyEncoding.KeyPart(metric)}|{time.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture)}";

    public static string Row(DateTimeOffset time, IReadOnlyDictionary<string, string> dims) => $"{TimePrefix(time)}_{StableHash.Hex128(DimsJson(dims))}";

    public static string NameRow(string metric) => KeyEncoding.KeyPart(metric);

    /// <summary>Every month partition of a metric from <paramref name="from"/> up to and including the month of <paramref name="lastIncluded"/>.</summary>
    public static KeyRange Months(string metric, DateTimeOffset from, DateTimeOffset lastIncluded) =>
        KeyRange.Spanning(Partition(metric, from), Partition(metric, lastIncluded));

    /// <summary>Rows with a time in <c>[from, to)</c>: every row key of time t starts with t's 19 digits.</summary>
    public static KeyRange Times(DateTimeOffset from, DateTimeOffset to) => new(TimePrefix(from), TimePrefix(to));

    public static DateTimeOffset TimeOf(string row) => new(long.Parse(row.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>The dims as JSON with keys in ordinal order, so the same dims sent in any order hash alike.</summary>
    public static string DimsJson(IReadOnlyDictionary<string, string> dims) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(dims.ToDictionary(), StringComparer.Ordinal));

    private static string TimePrefix(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}

using Azure.Data.Tables;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Metrics;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Metrics;

/// <summary>The <c>MetricPoints</c> table against a real Azurite: upserts per (metric, dims, time), dims filters, ranges over months.</summary>
[Collection(QueryCollection.Name)]
public sealed class MetricPointStoreTests(QueryHostFixture host)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Pro = new() { ["plan"] = "pro" };
    private static readonly Dictionary<string, string> Free = new() { ["plan"] = "free" };

    private readonly MetricPointStore _store = new(Table(host));
    private readonly string _metric = "revenue-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Writing_the_same_point_again_replaces_it()
    {
        await _store.WriteAsync([new(_metric, Pro, Noon, 10)], CancellationToken.None);
        // Same metric, dims (in another order, with a second key) and time: one row, the later value.
        var twoDims = new Dictionary<string, string> { ["region"] = "eu", ["plan"] = "pro" };
        var sameTwoDims = new Dictionary<string, string> { ["plan"] = "pro", ["region"] = "eu" };
        await _store.WriteAsync([new(_metric, Pro, Noon, 12.5), new(_metric, twoDims, Noon, 1)], CancellationToken.None);
        var written = await _store.WriteAsync([new(_metric, sameTwoDims, Noon, 2)], CancellationToken.None);

        var points = await ReadAsync(Noon, Noon.AddHours(1), null);

        Assert.Equal(1, written);
        Assert.Equal(2, points.Count);
        Assert.Equal(12.5, Assert.Single(points, p => p.Dims.Count == 1).V);
        Assert.Equal(2, Assert.Single(points, p => p.Dims.Count == 2).V);
    }

    [Fact]
    public async Task The_same_point_twice_in_one_call_keeps_the_later()
    {
        var written = await _store.WriteAsync([new(_metric, Pro, Noon, 1), new(_metric, Pro, Noon, 3)], CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal(3, Assert.Single(await ReadAsync(Noon, Noon.AddMinutes(1), null)).V);
    }

    [Fact]
    public async Task A_dims_filter_keeps_the_points_that_have_every_value_asked_for()
    {
        await _store.WriteAsync(
        [
            new(_metric, Pro, Noon, 5),
            new(_metric, Free, Noon, 7),
            new(_metric, new Dictionary<string, string> { ["plan"] = "pro", ["region"] = "eu" }, Noon.AddMinutes(1), 11),
            new(_metric, new Dictionary<string, string>(), Noon.AddMinutes(2), 13),
        ], CancellationToken.None);

        var pro = await ReadAsync(Noon, Noon.AddHours(1), Pro);
        var proInEu = await ReadAsync(Noon, Noon.AddHours(1), new Dictionary<string, string> { ["plan"] = "pro", ["region"] = "eu" });
        var all = await ReadAsync(Noon, Noon.AddHours(1), new Dictionary<string, string>());

        // plan=pro: the 5 and the 11 (which also has region=eu); not the free 7 nor the dimensionless 13.
        Assert.Equal([5.0, 11.0], pro.Select(p => p.V));
        Assert.Equal([11.0], proInEu.Select(p => p.V));
        Assert.Equal(4, all.Count);
    }

    [Fact]
    public async Task A_range_across_months_reads_every_month_in_time_order_and_stops_before_to()
    {
        var lastOfOctober = new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero);
        var firstOfNovember = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var midDecember = new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero);
        var january = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await _store.WriteAsync(
        [
            new(_metric, Pro, january, 4),
            new(_metric, Pro, midDecember, 3),
            new(_metric, Pro, firstOfNovember, 2),
            new(_metric, Pro, lastOfOctober, 1),
            new(_metric, Pro, lastOfOctober.AddHours(-1), 0),
        ], CancellationToken.None);

        // [31 Oct 23:00, 1 Jan 00:00): October's last hour, November and December; the 22:00 point and 1 January are outside.
        var points = await ReadAsync(lastOfOctober, january, null);

        Assert.Equal([1.0, 2.0, 3.0], points.Select(p => p.V));
        Assert.Equal([lastOfOctober, firstOfNovember, midDecember], points.Select(p => p.T));
    }

    [Fact]
    public async Task Another_metric_whose_name_starts_the_same_is_not_read()
    {
        await _store.WriteAsync([new(_metric, Pro, Noon, 1), new(_metric + "x", Pro, Noon, 2), new(_metric + " ", Pro, Noon, 3)], CancellationToken.None);

        Assert.Equal([1.0], (await ReadAsync(Noon, Noon.AddHours(1), null)).Select(p => p.V));
    }

    [Fact]
    public async Task Names_lists_every_metric_written()
    {
        await _store.WriteAsync([new(_metric, Pro, Noon, 1), new(_metric + "/count", Pro, Noon, 2)], CancellationToken.None);

        var names = await new MetricPointStore(Table(host)).ListAsync(CancellationToken.None);

        Assert.Contains(_metric, names);
        Assert.Contains(_metric + "/count", names);
    }

    [Theory]
    [InlineData("", 1.0, "points[0].metric")]
    [InlineData("a|b", 1.0, "points[0].metric")]
    [InlineData("ok", double.NaN, "points[0].v")]
    [InlineData("ok", double.PositiveInfinity, "points[0].v")]
    public async Task A_point_over_the_limits_is_refused_with_its_field(string metric, double value, string field)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync([new(metric, Pro, Noon, value)], CancellationToken.None));

        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_dims_or_a_long_value_is_refused_with_its_field()
    {
        var eleven = Enumerable.Range(1, 11).ToDictionary(i => $"k{i}", i => "v");
        var longValue = new Dictionary<string, string> { ["plan"] = new string('p', 257) };

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync([new(_metric, eleven, Noon, 1)], CancellationToken.None));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync([new(_metric, Pro, Noon, 1), new(_metric, longValue, Noon, 1)], CancellationToken.None));

        Assert.StartsWith("points[0].dims:", tooMany.Message, StringComparison.Ordinal);
        Assert.StartsWith("points[1].dims.plan:", tooLong.Message, StringComparison.Ordinal);
    }

    private async Task<List<MetricPoint>> ReadAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string>? dims) =>
        await _store.ReadAsync(_metric, from, to, dims, CancellationToken.None).ToListAsync();

    private static TableClient Table(QueryHostFixture host)
    {
        var table = host.Storage.Tables().GetTableClient(StorageNames.MetricPointsTable);
        table.CreateIfNotExists();
        return table;
    }
}

using OpenMetrics.Core.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>
/// Sums of huge values saturate at ±double.MaxValue (docs/semantics.md) instead of overflowing to an infinity that
/// cannot be written as JSON, so a call answered <c>ok</c> with such values is stored, compacted and queried.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class FiniteNumbersTests(LocalHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_calls_of_two_maximal_values_are_stored_and_compacted_with_a_saturated_sum()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        foreach (var sign in new[] { "", "-" })
        {
            for (var call = 0; call < 2; call++)
            {
                // Two events in one call: their sum already overflows in the message's own contribution.
                await host.PostOkAsync("/v1/events", $$$"""{"sessionId":"s{{{call}}}{{{sign}}}-{{{run}}}","events":[{"name":"big{{{sign}}}-{{{run}}}","ts":"2026-11-17T08:00:00Z","props":{"v":{{{sign}}}1.7976931348623157e308}},{"name":"big{{{sign}}}-{{{run}}}","ts":"2026-11-17T08:00:30Z","props":{"v":{{{sign}}}1.7976931348623157e308}}]}""");
            }
        }

        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());
        var live = await harness.Rows.FiguresAsync("20261117", "d", $"big-{run}", default);
        await harness.Compactor.CompactAsync(default);
        var compacted = await harness.Rows.FiguresAsync("20261117", "d", $"big-{run}", default);
        var negative = await harness.Rows.FiguresAsync("20261117", "d", $"big--{run}", default);

        Assert.Equal(new NumericStats(4, double.MaxValue, double.MaxValue, double.MaxValue), live.Numeric["v"]);
        Assert.Equal(new NumericStats(4, double.MaxValue, double.MaxValue, double.MaxValue), compacted.Numeric["v"]);
        Assert.Equal(new NumericStats(4, double.MinValue, double.MinValue, double.MinValue), negative.Numeric["v"]);
    }

    [Fact]
    public void A_saturated_sum_comes_back_down_when_a_large_negative_value_is_added()
    {
        // MaxValue + MaxValue saturates at MaxValue; adding -MaxValue then gives 0, not the true total MaxValue:
        // the documented price of staying finite, met only beyond 1.8e308.
        var stats = NumericStats.Of(double.MaxValue).Add(NumericStats.Of(double.MaxValue)).Add(NumericStats.Of(double.MinValue));

        Assert.Equal(new NumericStats(3, 0, double.MinValue, double.MaxValue), stats);
    }
}

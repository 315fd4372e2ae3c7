using CsCheck;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>Properties that hold for any event streams, checked on random ones (CsCheck shrinks a failure to a small case).</summary>
public sealed class RetentionPropertyTests
{
    [Fact]
    public void Value_0_is_the_cohort_size()
    {
        RandomRetention.Gen.Sample(query => query.Run(unbounded: false).Cohorts.All(c => c.Values[0] == c.Size)
            && query.Run(unbounded: true).Cohorts.All(c => c.Values[0] == c.Size), iter: 300);
    }

    [Fact]
    public void Unbounded_is_at_least_bounded_cell_by_cell_and_never_rises_after_period_0()
    {
        RandomRetention.Gen.Sample(query =>
        {
            var bounded = query.Run(unbounded: false).Cohorts;
            var unbounded = query.Run(unbounded: true).Cohorts;
            return bounded.Zip(unbounded).All(pair =>
                pair.First.Values.Zip(pair.Second.Values).All(cell => cell.Second >= cell.First)
                && pair.Second.Values.Skip(1).Zip(pair.Second.Values.Skip(2)).All(cells => cells.First >= cells.Second)
                && pair.Second.Values.All(v => v <= pair.Second.Size));
        }, iter: 300);
    }

    [Fact]
    public void The_engine_agrees_with_counting_calendar_periods_on_the_wall_clock()
    {
        RandomRetention.Gen.Sample(query => new[] { false, true }.All(unbounded =>
        {
            var engine = query.Run(unbounded).Cohorts;
            var naive = NaiveRetention.Table(query, unbounded);
            var agrees = engine.Count == naive.Length
                && engine.Zip(naive).All(pair => pair.First.Size == pair.Second.Size && pair.First.Values.SequenceEqual(pair.Second.Values));
            return agrees ? true : throw new InvalidOperationException(
                $"unbounded {unbounded}: engine [{string.Join(" ", engine.Select(c => $"{c.Size}:{string.Join(",", c.Values)}"))}] naive [{string.Join(" ", naive.Select(c => $"{c.Size}:{string.Join(",", c.Values)}"))}]");
        }), iter: 1000);
    }
}

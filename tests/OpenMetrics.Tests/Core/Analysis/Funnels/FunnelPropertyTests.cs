using CsCheck;
using OpenMetrics.Core.Analysis.Funnels;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Properties that hold for any event streams, checked on random ones (CsCheck shrinks a failure to a small case).</summary>
public sealed class FunnelPropertyTests
{
    private static readonly FunnelOrder[] Orders = [FunnelOrder.Sequential, FunnelOrder.Strict, FunnelOrder.Any];

    [Fact]
    public void Step_counts_never_increase_along_a_funnel()
    {
        RandomFunnel.Gen(exclusions: true).Sample(funnel => Orders.All(order =>
        {
            var users = funnel.Run(order).Steps.Select(s => s.Users).ToArray();
            return users.Zip(users.Skip(1)).All(pair => pair.First >= pair.Second);
        }), iter: 300);
    }

    [Fact]
    public void Any_order_counts_at_least_sequential_and_sequential_at_least_strict()
    {
        RandomFunnel.Gen(exclusions: false).Sample(funnel =>
        {
            var any = funnel.Run(FunnelOrder.Any).Steps;
            var sequential = funnel.Run(FunnelOrder.Sequential).Steps;
            var strict = funnel.Run(FunnelOrder.Strict).Steps;
            return Enumerable.Range(0, any.Count).All(k => any[k].Users >= sequential[k].Users && sequential[k].Users >= strict[k].Users);
        }, iter: 300);
    }

    [Fact]
    public void A_wider_window_never_lowers_a_step()
    {
        (from funnel in RandomFunnel.Gen(exclusions: false)
         from wider in Gen.Int[0, 48]
         select (funnel, wider: funnel.WindowHours + wider))
        .Sample(c => Orders.All(order =>
        {
            var narrow = c.funnel.Run(order).Steps;
            var wide = c.funnel.Run(order, c.wider).Steps;
            return Enumerable.Range(0, narrow.Count).All(k => wide[k].Users >= narrow[k].Users);
        }), iter: 300);
    }

    [Fact]
    public void Drop_offs_are_the_differences_between_consecutive_steps()
    {
        RandomFunnel.Gen(exclusions: true).Sample(funnel => Orders.All(order =>
        {
            var steps = funnel.Run(order).Steps;
            return Enumerable.Range(0, steps.Count).All(k =>
                steps[k].DroppedOff == steps[k].Users - (k + 1 < steps.Count ? steps[k + 1].Users : steps[k].Users)
                && steps[k].DroppedOffUsers.Count == steps[k].DroppedOff);
        }), iter: 200);
    }

    [Fact]
    public void The_engine_agrees_with_the_slow_obvious_reading_of_the_definitions()
    {
        RandomFunnel.Gen(exclusions: true).Sample(funnel => Orders.All(order =>
        {
            var steps = funnel.Run(order).Steps;
            var (users, averages) = NaiveFunnel.Steps(funnel, order, funnel.WindowHours);
            var agrees = steps.Select(s => s.Users).SequenceEqual(users)
                && steps.Select(s => s.AvgSecondsFromPrevious).Zip(averages).All(pair => pair.First is null ? pair.Second is null : Math.Abs(pair.First.Value - pair.Second!.Value) < 1e-6);
            return agrees ? true : throw new InvalidOperationException(
                $"{order}: engine [{string.Join(",", steps.Select(s => $"{s.Users}/{s.AvgSecondsFromPrevious}"))}] naive [{string.Join(",", users.Zip(averages).Select(p => $"{p.First}/{p.Second}"))}]");
        }), iter: 1000);
    }
}

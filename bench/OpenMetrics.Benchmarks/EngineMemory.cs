using System.Diagnostics;
using System.Globalization;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Analysis.Retention;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// Memory of the engines over the 1,000,000 synthetic events, streamed as a query streams them: each user's 100
/// events are generated into one reused buffer, handed to the engine, and overwritten by the next user's, so the range
/// never exists as a whole. Prints the bytes the engine allocated (the generation's own allocations, measured in a pass
/// without an engine, taken off), the managed memory its state holds at the end, and the process's peak working set.
/// </summary>
internal static class EngineMemory
{
    public static void Print()
    {
        // The first round only warms up (JIT, type loading, the runtime's own first allocations); the second is printed.
        Measure(print: false);
        Measure(print: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N1} MiB"));
    }

    private static void Measure(bool print)
    {
        var output = print ? Console.Out : TextWriter.Null;
        var generation = Allocated(() => Stream(SyntheticEvents.MasksFor([EventPredicate.AnyActive]), (_, _) => { }));
        output.WriteLine("| computation (1,000,000 events, streamed per user) | allocated by the engine | held by the engine at the end | answer |");
        output.WriteLine("|---|---:|---:|---|");
        foreach (var order in new[] { FunnelOrder.Sequential, FunnelOrder.Strict, FunnelOrder.Any })
        {
            Measure(output, $"funnel, 5 steps, {order.ToString().ToLowerInvariant()}", generation, () =>
            {
                var engine = new FunnelEngine(FunnelEngineBenchmarks.Definition(order));
                return (engine.Predicates, (key, events) => engine.AddUser(new AnalysisUser(key), events), () => Describe(engine.Result()));
            });
        }

        foreach (var (type, unbounded) in new[] { (RetentionType.First, false), (RetentionType.Recurring, false), (RetentionType.First, true) })
        {
            Measure(output, $"retention, 30 days, {type.ToString().ToLowerInvariant()}{(unbounded ? " unbounded" : "")}", generation, () =>
            {
                var engine = new RetentionEngine(RetentionEngineBenchmarks.Definition(type, unbounded), SyntheticEvents.From.AddDays(90));
                return (engine.Predicates, (key, events) => engine.AddUser(new AnalysisUser(key), events), () => Describe(engine.Result()));
            });
        }
    }

    private delegate void UserSink(string key, ReadOnlySpan<AnalysisEvent> events);

    private static void Measure(TextWriter output, string label, long generation, Func<(IReadOnlyList<EventPredicate> Predicates, UserSink Add, Func<string> Result)> create)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var engine = create();
        Stream(SyntheticEvents.MasksFor(engine.Predicates), engine.Add);
        var result = engine.Result();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore - generation;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(engine);
        GC.KeepAlive(result);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {allocated / 1024.0:N0} KiB | {held / 1024.0:N0} KiB | {result} |"));
    }

    private static string Describe(FunnelResult result) => "users per step " + string.Join(", ", result.Steps.Select(s => s.Users));

    private static string Describe(RetentionResult result) => string.Create(
        CultureInfo.InvariantCulture, $"{result.Cohorts.Count} cohorts, {result.Cohorts.Sum(c => c.Size)} users, average day 1 {result.Average[1]:0.0} %, day 29 {result.Average[29]:0.0} %");

    private static void Stream(ulong[] masks, UserSink add)
    {
        var buffer = new AnalysisEvent[SyntheticEvents.EventsPerUser];
        for (var user = 0; user < SyntheticEvents.Users; user++)
        {
            SyntheticEvents.User(user, masks, buffer);
            add(SyntheticEvents.Key(user), buffer);
        }
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}

using BenchmarkDotNet.Attributes;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// A 5-step funnel (14-day window) over <see cref="SyntheticEvents"/>: 1,000,000 events of 10,000 users, fed to the
/// engine one user at a time as it will be fed in a query. The events' predicate bits are matched once in setup (that
/// is the reader's work, not the engine's). The baseline reads every event of the same users and does nothing else.
/// </summary>
[MemoryDiagnoser]
public class FunnelEngineBenchmarks
{
    private AnalysisEvent[] _events = [];
    private string[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        var predicates = new FunnelEngine(Definition(FunnelOrder.Sequential)).Predicates;
        _events = SyntheticEvents.All(SyntheticEvents.MasksFor(predicates));
        _keys = [.. Enumerable.Range(0, SyntheticEvents.Users).Select(SyntheticEvents.Key)];
    }

    [Benchmark(Baseline = true, Description = "read every event (baseline)")]
    public long ReadEveryEvent() => EngineBaseline.Read(_events);

    [Benchmark(Description = "funnel, 5 steps, sequential")]
    public int Sequential() => Run(FunnelOrder.Sequential);

    [Benchmark(Description = "funnel, 5 steps, strict")]
    public int Strict() => Run(FunnelOrder.Strict);

    [Benchmark(Description = "funnel, 5 steps, any order")]
    public int AnyOrder() => Run(FunnelOrder.Any);

    public static FunnelDefinition Definition(FunnelOrder order) =>
        new([.. SyntheticEvents.FunnelSteps.Select(s => new FunnelStep(s))], SyntheticEvents.From, SyntheticEvents.From.AddDays(SyntheticEvents.Days)) { Order = order };

    private int Run(FunnelOrder order)
    {
        var engine = new FunnelEngine(Definition(order));
        for (var user = 0; user < SyntheticEvents.Users; user++)
        {
            engine.AddUser(new AnalysisUser(_keys[user]), _events.AsSpan(user * SyntheticEvents.EventsPerUser, SyntheticEvents.EventsPerUser));
        }

        return engine.Result().Steps[^1].Users;
    }
}

using BenchmarkDotNet.Attributes;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// A 30-day retention (daily cohorts over 30 days, 30 periods, any active event) over <see cref="SyntheticEvents"/>:
/// 1,000,000 events of 10,000 users fed one user at a time. The baseline reads every event of the same users.
/// </summary>
[MemoryDiagnoser]
public class RetentionEngineBenchmarks
{
    private static readonly DateTimeOffset Now = SyntheticEvents.From.AddDays(90);

    private AnalysisEvent[] _events = [];
    private string[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        var predicates = new RetentionEngine(Definition(RetentionType.First, unbounded: false), Now).Predicates;
        _events = SyntheticEvents.All(SyntheticEvents.MasksFor(predicates));
        _keys = [.. Enumerable.Range(0, SyntheticEvents.Users).Select(SyntheticEvents.Key)];
    }

    [Benchmark(Baseline = true, Description = "read every event (baseline)")]
    public long ReadEveryEvent() => EngineBaseline.Read(_events);

    [Benchmark(Description = "retention, 30 days, first-time")]
    public int FirstTime() => Run(RetentionType.First, unbounded: false);

    [Benchmark(Description = "retention, 30 days, recurring")]
    public int Recurring() => Run(RetentionType.Recurring, unbounded: false);

    [Benchmark(Description = "retention, 30 days, first-time unbounded")]
    public int Unbounded() => Run(RetentionType.First, unbounded: true);

    public static RetentionDefinition Definition(RetentionType type, bool unbounded) =>
        new(SyntheticEvents.From, SyntheticEvents.From.AddDays(SyntheticEvents.Days)) { Periods = 30, Type = type, Unbounded = unbounded };

    private int Run(RetentionType type, bool unbounded)
    {
        var engine = new RetentionEngine(Definition(type, unbounded), Now);
        for (var user = 0; user < SyntheticEvents.Users; user++)
        {
            engine.AddUser(new AnalysisUser(_keys[user]), _events.AsSpan(user * SyntheticEvents.EventsPerUser, SyntheticEvents.EventsPerUser));
        }

        return engine.Result().Cohorts[0].Values[^1];
    }
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using OpenMetrics.Benchmarks;

if (args is ["engines-memory"])
{
    EngineMemory.Print();
    return;
}

// Short runs keep the whole suite to a few minutes on a 2-core machine; pass BenchmarkDotNet's own arguments to change it.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("short"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(IngestCallBenchmarks).Assembly).Run(args, config);
foreach (var summary in summaries)
{
    ThroughputReport.Print(summary);
    EngineReport.Print(summary);
}

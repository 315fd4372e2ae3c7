using System.Globalization;
using BenchmarkDotNet.Reports;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// Prints, for the engine benchmarks, events per second over the 1,000,000 synthetic events, the ratio of that rate
/// to the baseline's in the same run, and the bytes allocated by one whole computation.
/// </summary>
internal static class EngineReport
{
    public static void Print(Summary summary)
    {
        var reports = summary.Reports.Where(r => r.ResultStatistics is not null && IsEngineBenchmark(r)).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| benchmark | events/s (one core) | vs baseline | allocated per 1,000,000 events |");
        Console.WriteLine("|---|---:|---:|---:|");
        var baseline = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
        foreach (var report in reports)
        {
            var perSecond = SyntheticEvents.Count / (report.ResultStatistics!.Mean / 1e9);
            var ratio = baseline is null ? double.NaN : baseline.ResultStatistics!.Mean / report.ResultStatistics.Mean;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {perSecond:N0} | {ratio:0.000}x | {allocated / 1024.0:N0} KiB |"));
        }
    }

    public static bool IsEngineBenchmark(BenchmarkReport report) =>
        report.BenchmarkCase.Descriptor.Type == typeof(FunnelEngineBenchmarks) || report.BenchmarkCase.Descriptor.Type == typeof(RetentionEngineBenchmarks);
}

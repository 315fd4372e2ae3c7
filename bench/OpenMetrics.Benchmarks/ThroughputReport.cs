using System.Globalization;
using BenchmarkDotNet.Reports;

namespace OpenMetrics.Benchmarks;

/// <summary>Prints events per second, the ratio to the baseline of the same run, and bytes allocated per event.</summary>
internal static class ThroughputReport
{
    public static void Print(Summary summary)
    {
        if (summary.Reports.All(EngineReport.IsEngineBenchmark))
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| benchmark | events/call | events/s (one core) | vs baseline | allocated/event |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in summary.Reports.Where(r => r.ResultStatistics is not null && !EngineReport.IsEngineBenchmark(r)).GroupBy(EventsPerCall))
        {
            var baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            foreach (var report in group)
            {
                var events = group.Key;
                var perSecond = events / (report.ResultStatistics!.Mean / 1e9);
                var ratio = baseline is null ? double.NaN : baseline.ResultStatistics!.Mean / report.ResultStatistics.Mean;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) / (double)events;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {events} | {perSecond:N0} | {ratio:0.00}x | {allocated:N0} B |"));
            }
        }
    }

    private static int EventsPerCall(BenchmarkReport report) =>
        (int)report.BenchmarkCase.Parameters["EventsPerCall"];
}

using System.Diagnostics;
using System.Globalization;

namespace OpenMetrics.QueryBench;

/// <summary>Times repeated calls and reports p50 and p95 in milliseconds.</summary>
public static class Timings
{
    public static async Task<(double P50, double P95, string Status)> MeasureAsync(int runs, Func<Task<HttpResponseMessage>> call)
    {
        var times = new List<double>();
        var status = "";
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await call();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.95), status);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}

using OpenMetrics.Core.Metrics;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>
/// Metric points as <see cref="OpenMetrics.Storage.Metrics.MetricPointStore"/> keeps them: one per (metric, dims,
/// time), a rewrite replaces it, reads in <c>[from, to)</c> by time, dims matched on every key asked for.
/// </summary>
public sealed class InMemoryMetricPoints : IMetricPointWriter, IMetricPointReader, IMetricNames
{
    private readonly Dictionary<(string Metric, string Dims, DateTimeOffset T), MetricPoint> _stored = [];

    public Task<int> WriteAsync(IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        foreach (var point in points)
        {
            if (MetricPointLimits.Check(point) is { } problem)
            {
                throw new ArgumentException($"{problem.Field}: {problem.Error}", nameof(points));
            }
        }

        var keys = new HashSet<(string, string, DateTimeOffset)>();
        foreach (var point in points)
        {
            var key = (point.Metric, DimsKey(point.Dims), point.T.ToUniversalTime());
            _stored[key] = point with { T = point.T.ToUniversalTime() };
            keys.Add(key);
        }

        return Task.FromResult(keys.Count);
    }

    public async IAsyncEnumerable<MetricPoint> ReadAsync(string metric, DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string>? dims, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var point in _stored.Values.Where(p => p.Metric == metric && p.T >= from && p.T < to).OrderBy(p => p.T))
        {
            if (dims is null || dims.All(wanted => point.Dims.TryGetValue(wanted.Key, out var value) && value == wanted.Value))
            {
                yield return point;
            }
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _stored.Keys.Select(key => key.Metric).Distinct().Order(StringComparer.Ordinal)]);

    private static string DimsKey(IReadOnlyDictionary<string, string> dims) =>
        string.Join('\n', dims.OrderBy(dim => dim.Key, StringComparer.Ordinal).Select(dim => dim.Key + "\u0001" + dim.Value));
}

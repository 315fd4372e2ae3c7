using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Metrics;

namespace OpenMetrics.Storage.Metrics;

/// <summary>
/// The <c>MetricPoints</c> table (<see cref="MetricPointKeys"/>): imported and pushed metric points, one row per
/// (metric, dims, time), written by upsert in one transaction per partition and 100 rows, so a rerun or an overlapping
/// pull rewrites a point instead of adding it. A range read is one query over the metric's month partitions; dims
/// are matched on the rows read (a metric has few dimension combinations, and its range is already narrow).
/// </summary>
public sealed class MetricPointStore(TableClient table) : IMetricPointWriter, IMetricPointReader, IMetricNames
{
    /// <summary>Names already recorded by this process, so a busy metric's name row is written once, not per call.</summary>
    private readonly ConcurrentDictionary<string, bool> _knownNames = new(StringComparer.Ordinal);

    public async Task<int> WriteAsync(IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (MetricPointLimits.Check(points[i]) is { } problem)
            {
                throw new ArgumentException($"points[{i}].{problem.Field}: {problem.Error}", nameof(points));
            }
        }

        // The same point twice in one call: the later one wins, as it would over two calls.
        var rows = new Dictionary<(string, string), TableEntity>();
        foreach (var point in points)
        {
            var entity = Entity(point);
            rows[(entity.PartitionKey, entity.RowKey)] = entity;
        }

        await TableBatches.SubmitAsync(table, rows.Values, TableTransactionActionType.UpsertReplace, cancellationToken);
        await RecordNamesAsync(points.Select(point => point.Metric).Distinct(StringComparer.Ordinal), cancellationToken);
        return rows.Count;
    }

    public async IAsyncEnumerable<MetricPoint> ReadAsync(
        string metric, DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string>? dims,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (from >= to || MetricPointLimits.CheckMetric(metric) is not null)
        {
            yield break;
        }

        var filter = $"{MetricPointKeys.Months(metric, from, to.AddTicks(-1)).PartitionFilter()} and {MetricPointKeys.Times(from, to).RowFilter()}";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var point = Read(row);
            if (dims is null || dims.All(wanted => point.Dims.TryGetValue(wanted.Key, out var value) && value == wanted.Value))
            {
                yield return point;
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == MetricPointKeys.NamesPartition, select: ["Metric"], cancellationToken: cancellationToken))
        {
            names.Add(row.GetString("Metric"));
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private async Task RecordNamesAsync(IEnumerable<string> metrics, CancellationToken cancellationToken)
    {
        var fresh = metrics.Where(metric => !_knownNames.ContainsKey(metric))
            .Select(metric => new TableEntity(MetricPointKeys.NamesPartition, MetricPointKeys.NameRow(metric)) { ["Metric"] = metric })
            .ToList();
        await TableBatches.SubmitAsync(table, fresh, TableTransactionActionType.UpsertReplace, cancellationToken);
        foreach (var row in fresh)
        {
            _knownNames[row.GetString("Metric")] = true;
        }
    }

    private static TableEntity Entity(MetricPoint point) => new(MetricPointKeys.Partition(point.Metric, point.T), MetricPointKeys.Row(point.T, point.Dims))
    {
        ["Metric"] = point.Metric,
        ["T"] = point.T.ToUniversalTime(),
        ["V"] = point.V,
        ["Dims"] = MetricPointKeys.DimsJson(point.Dims),
    };

    private static MetricPoint Read(TableEntity row) => new(
        row.GetString("Metric"),
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Dims")) ?? [],
        MetricPointKeys.TimeOf(row.RowKey),
        row.GetDouble("V") ?? 0);
}

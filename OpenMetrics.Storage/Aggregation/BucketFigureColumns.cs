using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;

namespace OpenMetrics.Storage.Aggregation;

/// <summary>
/// How <see cref="BucketFigures"/> sit in a row of <c>Aggregates</c> (contributions, summaries, rollups): <c>Count</c>,
/// and the numeric stats and value counts as JSON text (docs/storage.md). The figures themselves know nothing of rows.
/// </summary>
public static class BucketFigureColumns
{
    public static void Write(BucketFigures figures, TableEntity entity)
    {
        entity["Count"] = figures.Count;
        EntityText.Write(entity, "Numeric", figures.Numeric.Count == 0 ? null : JsonSerializer.Serialize(figures.Numeric, AggregateJson.Default.DictionaryStringNumericStats));
        EntityText.Write(entity, "Values", figures.Values.Count == 0 ? null : JsonSerializer.Serialize(figures.Values, AggregateJson.Default.DictionaryStringDictionaryStringInt64));
    }

    public static BucketFigures Read(TableEntity entity)
    {
        var figures = new BucketFigures(entity.GetInt64("Count") ?? 0);
        if (EntityText.Read(entity, "Numeric") is { } numeric)
        {
            foreach (var (name, stats) in JsonSerializer.Deserialize(numeric, AggregateJson.Default.DictionaryStringNumericStats)!)
            {
                figures.Numeric[name] = stats;
            }
        }

        if (EntityText.Read(entity, "Values") is { } values)
        {
            foreach (var (name, counts) in JsonSerializer.Deserialize(values, AggregateJson.Default.DictionaryStringDictionaryStringInt64)!)
            {
                figures.Values[name] = counts;
            }
        }

        return figures;
    }
}
